package org.vigie.engine.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.terminology.Crosswalk.Target;

class CrosswalkTest {

    private static Crosswalk read(String... lines) {
        return Crosswalk.read("x.csv", new StringReader(String.join("\n", lines)));
    }

    @Test
    void translatesAnExactCodeToAnIcd10CodeAnAtcCodeOrAnActKind() {
        Crosswalk table = read("code,target,label", "# comment", "363406005,ICD10:C18.9,Malignant neoplasm of colon",
                "73761001,ACT:COLONOSCOPY,Colonoscopy", "745679,ATC:R03AC02,Albuterol inhaler");

        assertThat(table.of("363406005")).get().extracting(Crosswalk.Mapped::target, Crosswalk.Mapped::code)
                .containsExactly(Target.ICD10, "C18.9");
        assertThat(table.of(" 73761001 ").orElseThrow().actKind()).isEqualTo(ActKind.COLONOSCOPY);
        assertThat(table.of("745679").orElseThrow().code()).isEqualTo("R03AC02");
        assertThat(table.of("3634060")).as("codes are exact, not prefixes").isEmpty();
        assertThat(table.of(null)).isEmpty();
    }

    @Test
    void refusesABrokenLineNamingTheFileAndTheLine() {
        assertThatThrownBy(() -> read("code,target,label", "1,SNOMED:2,x")).hasMessageStartingWith("x.csv:2: target 'SNOMED:2'");
        assertThatThrownBy(() -> read("code,target,label", "1,ACT:SURGERY,x")).hasMessage("x.csv:2: 'SURGERY' is not an act kind");
        assertThatThrownBy(() -> read("code,target,label", "1,ICD10:C18,x", "1,ICD10:C19,y")).hasMessageContaining("x.csv:3: code 1 is already mapped");
        assertThatThrownBy(() -> read("system,code", "1,ICD10:C18,x")).hasMessageContaining("header");
        assertThatThrownBy(() -> read("code,target,label", "1,ICD10:,x")).hasMessageContaining("has no code");
    }
}
