/**
 * Ingestion of outside data: the contract's snapshots (JSON Lines) and FHIR R4 Bundles
 * ({@link org.vigie.platform.ingestion.FhirBundles}) stored through the citizen module, one
 * transaction per record, idempotent by external id; the {@code ingest} command and
 * {@code POST /api/v1/ingestions}.
 */
@ApplicationModule(allowedDependencies = {"citizen", "cli", "database", "input"})
package org.vigie.platform.ingestion;

import org.springframework.modulith.ApplicationModule;
