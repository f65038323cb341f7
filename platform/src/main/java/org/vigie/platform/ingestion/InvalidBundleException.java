package org.vigie.platform.ingestion;

/** The input is not a FHIR R4 Bundle at all (malformed JSON, invalid FHIR, another resource type). */
class InvalidBundleException extends RuntimeException {

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidBundleException(String message) {
        super(message);
    }
}
