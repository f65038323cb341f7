package org.vigie.platform.citizen;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigie.engine.fact.BodyMassIndex;
import org.vigie.engine.fact.Measure;

/**
 * The measures of a medical profile, newest first (on the same day, the most recently entered
 * first), with the body mass index derived from the latest weight and height.
 */
public record MeasureHistory(List<StoredFact> measures, Optional<BodyMassIndex> bodyMassIndex) {

    private static final Comparator<StoredFact> NEWEST_FIRST = Comparator
            .comparing((StoredFact f) -> ((Measure) f.fact()).date())
            .thenComparing(StoredFact::createdAt)
            .reversed();

    public MeasureHistory {
        measures = List.copyOf(measures);
        if (!measures.stream().allMatch(f -> f.fact() instanceof Measure)) {
            throw new IllegalArgumentException("a measure history holds measures only");
        }
        Objects.requireNonNull(bodyMassIndex, "no BMI is Optional.empty(), not null");
    }

    /** From the stored measures in the stored order (by date, the most recently entered last). */
    static MeasureHistory of(List<StoredFact> stored) {
        Optional<BodyMassIndex> bmi = BodyMassIndex.latest(stored.stream().map(f -> (Measure) f.fact()).toList());
        return new MeasureHistory(stored.stream().sorted(NEWEST_FIRST).toList(), bmi);
    }
}
