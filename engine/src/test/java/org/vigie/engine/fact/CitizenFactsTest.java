package org.vigie.engine.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitizenFactsTest {

    static final LocalDate BORN = LocalDate.of(1976, 3, 16);
    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    @Test
    void theBuilderPutsEachNamedComponentInItsPlace() {
        var condition = new Condition("E11", ON);
        var treatment = new Treatment("L04", ON);
        var pregnancy = new Pregnancy(ON.minusWeeks(10));
        var vaccination = new Vaccination(Vaccine.FLU, ON);
        var act = new Act(ActKind.MAMMOGRAPHY, ON);
        var measure = new Measure(MeasureKind.BMI, 31.0, ON, null, false);
        var family = new FamilyHistory("C50", Relation.FIRST_DEGREE, 45, null, false, null);
        var appointment = new Appointment(AppointmentKind.MAMMOGRAPHY, ON.plusDays(7), null, null, false);
        var document = new Document(DocumentType.IMAGING_REPORT, ON, null, false);
        var consent = Map.of(Pathway.SCREENING, Consent.GRANTED);

        CitizenFacts built = CitizenFacts.builder(BORN, Sex.F).accountStatus(AccountStatus.OPEN).preventionOptOut(true)
                .insurerDataConsent(consent).conditions(List.of(condition)).treatments(List.of(treatment)).pregnancy(pregnancy)
                .vaccinations(List.of(vaccination)).acts(List.of(act)).measures(List.of(measure))
                .familyHistory(List.of(family)).appointments(List.of(appointment)).documents(List.of(document)).build();

        assertThat(built).isEqualTo(new CitizenFacts(BORN, Sex.F, AccountStatus.OPEN, true, consent, List.of(condition),
                List.of(treatment), pregnancy, List.of(vaccination), List.of(act), List.of(measure), List.of(family),
                List.of(appointment), List.of(document)));
    }

    @Test
    void whatTheBuilderIsNotGivenTakesTheContractsDefaults() {
        CitizenFacts identityOnly = CitizenFacts.builder(BORN, Sex.M).build();
        assertThat(identityOnly.accountStatus()).isEqualTo(AccountStatus.ACTIVATED);
        assertThat(identityOnly.preventionOptOut()).isFalse();
        assertThat(identityOnly.consentFor(Pathway.SCREENING)).isEqualTo(Consent.NOT_ASKED);
        assertThat(identityOnly.facts()).isEmpty();
        assertThat(identityOnly).isEqualTo(CitizenFacts.of(BORN, Sex.M));
    }
}
