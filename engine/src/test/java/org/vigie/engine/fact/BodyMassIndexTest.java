package org.vigie.engine.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyMassIndexTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 10);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 10);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 10);

    @Test
    void needsBothAWeightAndAHeight() {
        assertThat(BodyMassIndex.latest(List.of())).isEmpty();
        assertThat(BodyMassIndex.latest(List.of(weight(80, JAN)))).isEmpty();
        assertThat(BodyMassIndex.latest(List.of(height(180, JAN)))).isEmpty();
        assertThat(BodyMassIndex.latest(List.of(weight(80, JAN), measure(MeasureKind.BMI, 24.7, JAN, Source.SELF)))).isEmpty();
    }

    @Test
    void usesTheLatestWeightAndHeightDatedByTheLaterOfThem() {
        Measure latestWeight = weight(72, FEB);
        Measure latestHeight = height(170, JAN);

        BodyMassIndex bmi = BodyMassIndex.latest(List.of(weight(90, JAN), latestWeight, height(150, LocalDate.of(2000, 1, 1)),
                latestHeight, weight(85, LocalDate.of(2025, 12, 1)))).orElseThrow();

        assertThat(bmi.weight()).isEqualTo(latestWeight);
        assertThat(bmi.height()).isEqualTo(latestHeight);
        assertThat(bmi.value()).isEqualTo(24.9); // 72 / 1.70² = 24.913…
        assertThat(bmi.date()).isEqualTo(FEB);
    }

    @Test
    void takesTheOneEnteredLastOfTwoMeasuresOfTheSameDay() {
        BodyMassIndex bmi = BodyMassIndex.latest(List.of(weight(70, JAN), weight(81, JAN), height(180, JAN))).orElseThrow();

        assertThat(bmi.weight().value()).isEqualTo(81.0);
        assertThat(bmi.value()).isEqualTo(25.0);
    }

    @Test
    void roundsToOneDecimalHalfUp() {
        assertThat(BodyMassIndex.latest(List.of(weight(70, JAN), height(175, JAN))).orElseThrow().value()).isEqualTo(22.9); // 22.857…
        assertThat(BodyMassIndex.latest(List.of(weight(90.6, JAN), height(200, JAN))).orElseThrow().value()).isEqualTo(22.7); // 22.65
        assertThat(BodyMassIndex.latest(List.of(weight(119.84, JAN), height(200, JAN))).orElseThrow().value()).isEqualTo(30.0); // 29.96
    }

    @Test
    void hasNoIndexWhenTheLatestValueIsNotPositiveEvenIfAnOlderOneIs() {
        assertThat(BodyMassIndex.latest(List.of(weight(80, JAN), height(180, JAN), height(0, FEB)))).isEmpty();
        assertThat(BodyMassIndex.latest(List.of(weight(80, JAN), weight(-1, FEB), height(180, JAN)))).isEmpty();
    }

    @Test
    void asAMeasureTakesTheSourceOfTheMoreRecentMeasure() {
        Measure bmi = BodyMassIndex.latest(List.of(measure(MeasureKind.WEIGHT_KG, 80, FEB, Source.SELF),
                measure(MeasureKind.HEIGHT_CM, 180, JAN, Source.PROFESSIONAL))).orElseThrow().asMeasure();

        assertThat(bmi).isEqualTo(new Measure(MeasureKind.BMI, 24.7, FEB, Source.SELF, false));
    }

    @Test
    void asAMeasureIsAsProtectedAsTheMoreProtectedOfItsTwo() {
        Measure fromInsurerHeight = BodyMassIndex.latest(List.of(measure(MeasureKind.WEIGHT_KG, 80, FEB, Source.SELF),
                measure(MeasureKind.HEIGHT_CM, 180, JAN, Source.INSURER))).orElseThrow().asMeasure();
        Measure fromHiddenWeight = BodyMassIndex.latest(List.of(new Measure(MeasureKind.WEIGHT_KG, 80.0, JAN, Source.SELF, true),
                height(180, FEB))).orElseThrow().asMeasure();

        assertThat(fromInsurerHeight.source()).isEqualTo(Source.INSURER);
        assertThat(fromHiddenWeight.hiddenFromRepresentatives()).isTrue();
    }

    @Test
    void derivesAMeasuredIndexOnlyWhenNoStoredOneIsAsRecent() {
        Measure derived = new Measure(MeasureKind.BMI, 24.7, FEB, Source.SELF, false);
        List<Measure> noIndex = List.of(weight(80, FEB), height(180, JAN));
        List<Measure> olderIndex = List.of(weight(80, FEB), height(180, JAN), measure(MeasureKind.BMI, 31, JAN, Source.PROFESSIONAL));
        List<Measure> sameDayIndex = List.of(weight(80, FEB), height(180, JAN), measure(MeasureKind.BMI, 31, FEB, Source.PROFESSIONAL));
        List<Measure> newerIndex = List.of(weight(80, FEB), height(180, JAN), measure(MeasureKind.BMI, 31, MAR, Source.PROFESSIONAL));

        assertThat(BodyMassIndex.derivedFrom(noIndex)).hasValue(derived);
        assertThat(BodyMassIndex.derivedFrom(olderIndex)).hasValue(derived);
        assertThat(BodyMassIndex.derivedFrom(sameDayIndex)).isEmpty();
        assertThat(BodyMassIndex.derivedFrom(newerIndex)).isEmpty();
        assertThat(BodyMassIndex.derivedFrom(List.of(weight(80, FEB)))).isEmpty();
    }

    private static Measure weight(double kg, LocalDate date) {
        return measure(MeasureKind.WEIGHT_KG, kg, date, Source.SELF);
    }

    private static Measure height(double cm, LocalDate date) {
        return measure(MeasureKind.HEIGHT_CM, cm, date, Source.SELF);
    }

    private static Measure measure(MeasureKind kind, double value, LocalDate date, Source source) {
        return new Measure(kind, value, date, source, false);
    }
}
