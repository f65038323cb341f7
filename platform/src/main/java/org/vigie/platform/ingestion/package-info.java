/**
 * Ingestion of outside data into the contract's fact model. Today: one FHIR R4 Bundle (JSON) mapped
 * to one citizen's {@code CitizenFacts} with its external id and a list of per-entry problems
 * ({@link org.vigie.platform.ingestion.FhirBundles}); storing them is the caller's business.
 */
package org.vigie.platform.ingestion;
