package org.vigie.platform.ingestion;

import java.util.List;
import java.util.Optional;
import org.vigie.engine.fact.CitizenFacts;

/**
 * One bundle mapped: the citizen's external id and facts, and the problems of the entries that
 * could not be mapped (their facts are left out). {@code citizen} is empty when the Patient itself
 * is missing or unusable (no birth date, sex neither male nor female): then nothing can be stored.
 * Account status, opt-out and consents are not FHIR data: they keep the contract's defaults.
 */
record FhirCitizen(ExternalId externalId, CitizenFacts facts, List<BundleProblem> problems) {

    public FhirCitizen {
        problems = List.copyOf(problems);
    }

    public Optional<CitizenFacts> citizen() {
        return Optional.ofNullable(facts);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
