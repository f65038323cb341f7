package org.vigie.engine.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.terminology.Terminology.System;

class TerminologyTest {

    static final Terminology TABLE = Terminology.read("t.csv", new StringReader(String.join("\n",
            "system,code,concept,label",
            "# comment",
            "ICD10,J45,ASTHMA,Asthme",
            "ICD10,E10-E14,DIABETES,Diabète",
            "ICD10,C50,BREAST_CANCER,Sein",
            "ICD10,C50.1,CENTRAL_BREAST,Partie centrale",
            "ATC,R03,OBSTRUCTIVE_AIRWAY_DRUG,Syndromes obstructifs",
            "CCAM,QEQK004,MAMMOGRAPHY,Mammographie",
            "")));

    @Test
    void matchesACategoryWithOrWithoutTheDot() {
        assertThat(TABLE.conceptsOf(System.ICD10, "J45.9")).containsExactly("ASTHMA");
        assertThat(TABLE.conceptsOf(System.ICD10, "J459")).containsExactly("ASTHMA");
        assertThat(TABLE.conceptsOf(System.ICD10, "j45")).containsExactly("ASTHMA");
        assertThat(TABLE.conceptsOf(System.ICD10, "J46")).isEmpty();
        assertThat(TABLE.conceptsOf(System.ICD10, "J4")).isEmpty();
    }

    @Test
    void aMoreSpecificEntryAddsToTheCategory() {
        assertThat(TABLE.conceptsOf(System.ICD10, "C50.1")).containsExactlyInAnyOrder("BREAST_CANCER", "CENTRAL_BREAST");
        assertThat(TABLE.conceptsOf(System.ICD10, "C50.2")).containsExactly("BREAST_CANCER");
    }

    @Test
    void matchesBlocksInclusively() {
        assertThat(TABLE.conceptsOf(System.ICD10, "E10")).containsExactly("DIABETES");
        assertThat(TABLE.conceptsOf(System.ICD10, "E11.9")).containsExactly("DIABETES");
        assertThat(TABLE.conceptsOf(System.ICD10, "E149")).containsExactly("DIABETES");
        assertThat(TABLE.conceptsOf(System.ICD10, "E09")).isEmpty();
        assertThat(TABLE.conceptsOf(System.ICD10, "E15")).isEmpty();
    }

    @Test
    void matchesAtcClassesAndNotOtherSystems() {
        assertThat(TABLE.conceptsOf(System.ATC, "R03AK06")).containsExactly("OBSTRUCTIVE_AIRWAY_DRUG");
        assertThat(TABLE.conceptsOf(System.ATC, "R05")).isEmpty();
        assertThat(TABLE.conceptsOf(System.ICD10, "R03")).isEmpty();
    }

    @Test
    void mapsActCodesExactly() {
        assertThat(TABLE.actKindOf(CodeSystem.CCAM, "qeqk004")).isEqualTo(ActKind.MAMMOGRAPHY);
        assertThat(TABLE.actKindOf(CodeSystem.CCAM, "QEQK00")).isNull();
        assertThat(TABLE.actKindOf(CodeSystem.NABM, "QEQK004")).isNull();
    }

    @Test
    void badLinesAreReportedWithTheirNumber() {
        assertThatThrownBy(() -> Terminology.read("t.csv", new StringReader("system,code,concept,label\nSNOMED,123,X,y\n")))
                .hasMessage("t.csv:2: unknown system 'SNOMED' (ICD10, ATC, CCAM, NABM)");
        assertThatThrownBy(() -> Terminology.read("t.csv", new StringReader("system,code,concept,label\n\nCCAM,AB,NOT_A_KIND,x\n")))
                .hasMessage("t.csv:3: 'NOT_A_KIND' is not an act kind");
        assertThatThrownBy(() -> Terminology.read("t.csv", new StringReader("code,concept\n")))
                .hasMessageContaining("t.csv:1: the header");
        assertThatThrownBy(() -> Terminology.read("t.csv", new StringReader("system,code,concept,label\nICD10,J45,asthma,x\n")))
                .hasMessage("t.csv:2: needs a code and an upper-case concept");
    }
}
