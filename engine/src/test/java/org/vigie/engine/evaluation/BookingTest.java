package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.engine.json.SnapshotJson;

/** An act already booked in the agenda reads as planned, for as long as the appointment is to come. */
class BookingTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    private static RuleSet booked;
    private static RuleSet withoutAgenda;

    @BeforeAll
    static void build() {
        Campaign c = TestRuleBase.campaign("test-mammo");
        EnumSet<DataCategory> categories = EnumSet.copyOf(c.dataCategories());
        categories.add(DataCategory.AGENDA);
        booked = TestRuleBase.build(campaign(c, categories), "test-mammo");
        // built by hand, past the file's check: without AGENDA the campaign never sees an appointment
        withoutAgenda = TestRuleBase.build(campaign(c, EnumSet.copyOf(c.dataCategories())), "test-mammo");
    }

    private static Campaign campaign(Campaign c, Set<DataCategory> categories) {
        return new Campaign(c.id(), c.key(), c.title(), c.description(), c.pathway(), categories, c.notificationCategory(),
                c.seasons(), c.coolDown(), c.surfaces(), c.profileSection(), c.completedBy(), c.performedBy(),
                Set.of(AppointmentKind.MAMMOGRAPHY));
    }

    @AfterAll
    static void close() {
        booked.close();
        withoutAgenda.close();
    }

    private static Recommendation only(RuleSet rules, Map<Pathway, Consent> consents, Appointment... appointments) {
        CitizenFacts woman = CitizenFacts.builder(LocalDate.of(1960, 1, 1), Sex.F).insurerDataConsent(consents)
                .appointments(List.of(appointments)).build();
        List<Recommendation> all = rules.evaluate(new Snapshot("c", ON, woman), null).recommendations();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Appointment scheduled(AppointmentKind kind, LocalDate date) {
        return new Appointment(kind, date, AppointmentStatus.SCHEDULED, null, false);
    }

    @Test
    void aMammographyBookedNextWeekIsPlannedOnItsDateAndSaysItReadTheAgenda() {
        Recommendation r = only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.plusDays(7)));
        assertThat(r.plannedOn()).isEqualTo(ON.plusDays(7));
        assertThat(r.dataUsed()).contains(DataCategory.AGENDA);
    }

    @Test
    void theDecisionsJsonNamesTheBookingOnlyWhenThereIsOne() {
        Decision planned = new Decision("c", ON, "test@1", null, List.of(only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY,
                ON.plusDays(7)))));
        Decision unplanned = new Decision("c", ON, "test@1", null, List.of(only(booked, null)));
        assertThat(SnapshotJson.write(planned)).contains("\"plannedOn\":\"2026-03-23\"");
        assertThat(SnapshotJson.write(unplanned)).doesNotContain("plannedOn");
    }

    @Test
    void theEarliestOfTwoBookingsGivesTheDateAndAnAppointmentTodayStillCounts() {
        assertThat(only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.plusDays(30)),
                scheduled(AppointmentKind.MAMMOGRAPHY, ON)).plannedOn()).isEqualTo(ON);
    }

    @Test
    void anAppointmentPassedWithoutTheActLeavesItDueAgainUnplanned() {
        Recommendation r = only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.minusDays(1)));
        assertThat(r.plannedOn()).isNull();
        assertThat(r.dataUsed()).doesNotContain(DataCategory.AGENDA);
    }

    @Test
    void aCancelledMissedOrDoneAppointmentOrOneForSomethingElsePlansNothing() {
        LocalDate next = ON.plusDays(7);
        for (AppointmentStatus status : List.of(AppointmentStatus.CANCELLED, AppointmentStatus.MISSED, AppointmentStatus.DONE)) {
            assertThat(only(booked, null, new Appointment(AppointmentKind.MAMMOGRAPHY, next, status, null, false)).plannedOn())
                    .as(status.name()).isNull();
        }
        assertThat(only(booked, null, scheduled(AppointmentKind.DENTAL_EXAM, next)).plannedOn()).isNull();
        assertThat(only(booked, null, scheduled(AppointmentKind.CONSULTATION, next)).plannedOn()).isNull();
    }

    @Test
    void withoutAnEndToThePeriodAnyLaterAppointmentPlansIt() {
        // the test rule is due from the reference date with no end; the shipped scenarios show a booking past the end
        assertThat(only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.plusYears(40))).plannedOn())
                .isEqualTo(ON.plusYears(40));
        assertThat(only(booked, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.minusYears(1))).plannedOn()).isNull();
    }

    @Test
    void aCampaignThatDoesNotDeclareTheAgendaNeverSeesTheBooking() {
        Recommendation r = only(withoutAgenda, null, scheduled(AppointmentKind.MAMMOGRAPHY, ON.plusDays(7)));
        assertThat(r.plannedOn()).isNull();
        assertThat(r.dataUsed()).doesNotContain(DataCategory.AGENDA);
    }

    @Test
    void anInsurersAppointmentCountsOnlyWithTheConsentOfTheCampaignsPathway() {
        Appointment insurers = new Appointment(AppointmentKind.MAMMOGRAPHY, ON.plusDays(7), AppointmentStatus.SCHEDULED, Source.INSURER,
                false);
        assertThat(only(booked, Map.of(Pathway.SCREENING, Consent.GRANTED), insurers).plannedOn()).isEqualTo(ON.plusDays(7));
        assertThat(only(booked, Map.of(Pathway.SCREENING, Consent.REFUSED), insurers).plannedOn()).isNull();
    }
}
