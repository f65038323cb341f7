package org.vigie.platform.ingestion;

import java.util.List;
import java.util.Optional;
import org.vigie.engine.fact.CitizenFacts;

/**
 * One bundle mapped: the citizen's external id and facts; the problems that make the record unusable
 * as a whole (no Patient, no birth date, a reference that does not resolve, contradictory dates: then
 * nothing is stored); the warnings of incomplete entries, left out while the rest is stored; and the
 * entries skipped as unused, counted. {@code citizen} is empty when the Patient itself is missing or
 * unusable. Opt-out and consents are not FHIR data: they keep the contract's defaults; the account
 * status is DECEASED when the Patient says so, else the contract's default.
 */
record FhirCitizen(ExternalId externalId, CitizenFacts facts, List<BundleProblem> problems,
                   List<BundleProblem> warnings, Skips skipped) {

    public FhirCitizen {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        skipped = skipped == null ? Skips.NONE : skipped;
    }

    public Optional<CitizenFacts> citizen() {
        return Optional.ofNullable(facts);
    }

    /** Whether the record cannot be stored. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
