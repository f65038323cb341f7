package org.vigie.engine.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body mass index derived from a weight and a height: weight (kg) / height (m)², rounded to one
 * decimal, dated by the later of the two measures.
 */
public record BodyMassIndex(double value, LocalDate date, Measure weight, Measure height) {

    public BodyMassIndex {
        Objects.requireNonNull(date, "a BMI has a date");
        if (weight == null || weight.kind() != MeasureKind.WEIGHT_KG) throw new IllegalArgumentException("a BMI needs a WEIGHT_KG, not " + weight);
        if (height == null || height.kind() != MeasureKind.HEIGHT_CM) throw new IllegalArgumentException("a BMI needs a HEIGHT_CM, not " + height);
        if (!(value > 0)) throw new IllegalArgumentException("a BMI is positive, not " + value);
    }

    /**
     * The BMI from the latest weight and the latest height; on the same day, the one later in the
     * list wins (the stored order puts the most recently entered last). Empty when either is missing
     * or not positive: an older measure is not used instead of a wrong latest one.
     */
    public static Optional<BodyMassIndex> latest(List<Measure> measures) {
        Optional<Measure> weight = latest(measures, MeasureKind.WEIGHT_KG);
        Optional<Measure> height = latest(measures, MeasureKind.HEIGHT_CM);
        if (weight.isEmpty() || height.isEmpty() || !positive(weight.get()) || !positive(height.get())) return Optional.empty();
        return Optional.of(of(weight.get(), height.get()));
    }

    private static BodyMassIndex of(Measure weight, Measure height) {
        // in decimal, so that 80 kg at 160 cm is 31.25 and rounds to 31.3 (in binary floating point it is 31.2499…)
        BigDecimal metres = BigDecimal.valueOf(height.value()).movePointLeft(2);
        double value = BigDecimal.valueOf(weight.value()).divide(metres.multiply(metres), 1, RoundingMode.HALF_UP).doubleValue();
        LocalDate date = weight.date().isAfter(height.date()) ? weight.date() : height.date();
        return new BodyMassIndex(value, date, weight, height);
    }

    /**
     * This BMI as a measure for the rules. It is as protected as the more protected of its two
     * measures, or it would carry their data past the guards: insurer data if either is (consent, P3),
     * hidden from the representatives if either is (P8); otherwise it takes the source of the more
     * recent one.
     */
    public Measure asMeasure() {
        Source source = weight.fromInsurer() || height.fromInsurer() ? Source.INSURER
                : (height.date().isAfter(weight.date()) ? height : weight).source();
        return new Measure(MeasureKind.BMI, value, date, source,
                weight.hiddenFromRepresentatives() || height.hiddenFromRepresentatives());
    }

    /**
     * The BMI the rules should see besides the measures: the one derived from the latest weight and
     * height, when it is newer than every BMI among them (rules read only the latest BMI, so a holder
     * who enters a weight and a height is seen as measured); empty otherwise.
     */
    public static Optional<Measure> derivedFrom(List<Measure> measures) {
        Optional<LocalDate> lastRecorded = measures.stream()
                .filter(m -> m.kind() == MeasureKind.BMI && m.date() != null)
                .map(Measure::date).max(Comparator.naturalOrder());
        return latest(measures)
                .filter(bmi -> lastRecorded.map(bmi.date()::isAfter).orElse(true))
                .map(BodyMassIndex::asMeasure);
    }

    private static Optional<Measure> latest(List<Measure> measures, MeasureKind kind) {
        Measure latest = null;
        for (Measure m : measures) {
            if (m.kind() != kind || m.date() == null || m.value() == null) continue;
            if (latest == null || !m.date().isBefore(latest.date())) latest = m;
        }
        return Optional.ofNullable(latest);
    }

    private static boolean positive(Measure measure) {
        return measure.value() > 0;
    }
}
