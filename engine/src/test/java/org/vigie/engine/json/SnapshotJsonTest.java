package org.vigie.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import tools.jackson.databind.JsonNode;

class SnapshotJsonTest {

    /** Cases from {@code invalid-snapshots.jsonl}: an input, the field at fault and a part of the message. */
    static Stream<Arguments> invalidSnapshots() throws Exception {
        var in = new BufferedReader(new InputStreamReader(
                SnapshotJsonTest.class.getResourceAsStream("/invalid-snapshots.jsonl"), StandardCharsets.UTF_8));
        return in.lines().filter(l -> !l.isBlank()).map(line -> {
            JsonNode c = StrictJson.JSON.readTree(line);
            JsonNode input = c.get("input");
            String text = input.isString() ? input.asString() : input.toString();
            return Arguments.of(c.get("case").asString(), text, c.get("field").asString(), c.get("problem").asString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSnapshots")
    void rejectsInvalidSnapshotNamingTheField(String name, String input, String field, String problem) {
        assertThatThrownBy(() -> SnapshotJson.read(input))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException ie = (InvalidInputException) e;
                    assertThat(ie.field()).isEqualTo(field);
                    assertThat(ie.getMessage()).contains(problem);
                });
    }

    @Test
    void appliesContractDefaults() {
        Snapshot s = SnapshotJson.read(Fixtures.resource("/snapshots/minimal.json"));
        assertThat(s.on()).isNull();
        assertThat(s.citizen().accountStatus()).isEqualTo(AccountStatus.ACTIVATED);
        assertThat(s.citizen().preventionOptOut()).isFalse();
        assertThat(s.citizen().consentFor(Pathway.SCREENING)).isEqualTo(Consent.NOT_ASKED);
        assertThat(s.citizen().acts()).isEmpty();
        assertThat(s.citizen().pregnancy()).isNull();
    }

    @Test
    void readsEveryFactWithItsSourceDefaults() {
        Snapshot s = SnapshotJson.read(Fixtures.resource("/snapshots/full.json"));
        var c = s.citizen();
        assertThat(s.on()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(c.consentFor(Pathway.CHRONIC_CONDITIONS)).isEqualTo(Consent.REFUSED);
        assertThat(c.conditions()).singleElement().satisfies(f -> assertThat(f.source()).isEqualTo(Source.SELF));
        assertThat(c.vaccinations()).singleElement().satisfies(f -> assertThat(f.source()).isEqualTo(Source.PROFESSIONAL));
        assertThat(c.acts()).hasSize(2).first().satisfies(f -> {
            assertThat(f.source()).isEqualTo(Source.REIMBURSEMENT_HISTORY);
            assertThat(f.kind()).isEqualTo(ActKind.MAMMOGRAPHY);
        });
        assertThat(c.acts().get(1).kind()).isNull();
        assertThat(c.acts().get(1).system()).isEqualTo(CodeSystem.CCAM);
        assertThat(c.acts().get(1).source()).isEqualTo(Source.INSURER);
        assertThat(c.appointments()).singleElement().satisfies(f -> assertThat(f.source()).isEqualTo(Source.AGENDA));
        assertThat(c.documents()).singleElement().satisfies(f -> assertThat(f.source()).isEqualTo(Source.PROFESSIONAL));
        assertThat(c.pregnancy().hiddenFromRepresentatives()).isTrue();
        assertThat(c.facts()).hasSize(10);
    }

    @Test
    void writesWhatItReads() {
        Snapshot s = SnapshotJson.read(Fixtures.resource("/snapshots/full.json"));
        assertThat(SnapshotJson.read(SnapshotJson.write(s))).isEqualTo(s);
    }

    @Test
    void readsOneFactAsStrictlyAsASnapshot() {
        Measure weight = SnapshotJson.readFact("{\"kind\":\"WEIGHT_KG\",\"value\":71.5,\"date\":\"2026-03-01\"}", Measure.class);
        assertThat(weight).isEqualTo(new Measure(MeasureKind.WEIGHT_KG, 71.5, LocalDate.of(2026, 3, 1), Source.SELF, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"WEIGHT_KG\",\"value\":71.5}                                | date  | is required",
            "{\"kind\":\"WEIGHT_KG\",\"valeur\":71.5,\"date\":\"2026-03-01\"}     | valeur | unknown field",
            "{\"kind\":\"POIDS\",\"value\":71.5,\"date\":\"2026-03-01\"}         | kind  | unknown value 'POIDS'",
            "{\"kind\":\"WEIGHT_KG\",\"value\":\"71\",\"date\":\"2026-03-01\"}   | value | expected a number",
            "{\"kind\":\"WEIGHT_KG\",\"value\":71.5,\"date\":\"2026-02-30\"}     | date  | not a valid date",
    })
    void rejectsABadFactNamingTheField(String json, String field, String problem) {
        assertThatThrownBy(() -> SnapshotJson.readFact(json, Measure.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(problem);
    }
}
