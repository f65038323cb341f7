package org.vigie.platform.ingestion;

import java.util.Objects;

/**
 * The identifier under which an outside source knows a citizen: the key that makes ingestion
 * idempotent. {@code system} is the FHIR identifier system (the INS-NIR OID), or
 * {@link #FHIR_PATIENT_ID} when only the Patient's logical id was available.
 */
record ExternalId(String system, String value) {

    /** The French national health identifier (matricule INS, NIR): {@code urn:oid:1.2.250.1.213.1.4.8}. */
    public static final String INS_NIR = "urn:oid:1.2.250.1.213.1.4.8";

    /** Pseudo-system for a Patient's logical id: unique only within the one source that sent it. */
    public static final String FHIR_PATIENT_ID = "fhir:Patient.id";

    public ExternalId {
        Objects.requireNonNull(system, "system");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an external id needs a value");
        }
    }

    @Override
    public String toString() {
        return system + "|" + value;
    }
}
