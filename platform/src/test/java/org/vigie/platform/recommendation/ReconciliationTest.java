package org.vigie.platform.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.Suppression;
import org.vigie.engine.fact.DataCategory;
import org.vigie.platform.citizen.CitizenId;

/** How stored recommendations follow a decision, on both sides of each way of closing them. */
class ReconciliationTest {

    private static final LocalDate ON = LocalDate.of(2026, 3, 16);
    private static final LocalDate PERIOD = LocalDate.of(2024, 5, 1);
    private static final CitizenId CITIZEN = new CitizenId(UUID.randomUUID());
    private static final Reconciliation.Done NO_FACTS = (campaign, from, on) -> false;
    private static final Reconciliation.Done DONE = (campaign, from, on) -> true;

    @Test
    void opensWhatIsDueForAPeriodNotStoredYet() {
        var plan = Reconciliation.plan(List.of(), decision(due(PERIOD)), NO_FACTS);
        assertThat(plan.toOpen()).extracting(Recommendation::dueFrom).containsExactly(PERIOD);
        assertThat(plan.toClose()).isEmpty();
    }

    @Test
    void neverOpensTheSamePeriodTwice() {
        for (RecommendationStatus status : List.of(RecommendationStatus.OPEN, RecommendationStatus.NOTIFIED, RecommendationStatus.SEEN,
                RecommendationStatus.COMPLETED, RecommendationStatus.EXPIRED)) {
            var plan = Reconciliation.plan(List.of(stored(PERIOD, status)), decision(due(PERIOD)), NO_FACTS);
            assertThat(plan.isEmpty()).as(status.name()).isTrue();
        }
    }

    @Test
    void opensAgainAWithdrawnRecommendationOfTheSamePeriod() {
        Reconciliation.Held withdrawn = stored(PERIOD, RecommendationStatus.WITHDRAWN);
        var plan = Reconciliation.plan(List.of(withdrawn), decision(due(PERIOD)), NO_FACTS);
        assertThat(plan.toOpen()).isEmpty();
        assertThat(plan.toReopen()).extracting(r -> r.stored().id()).containsExactly(withdrawn.id());
    }

    @Test
    void keepsTheExplanationOfAnActiveRecommendationCurrent() {
        Recommendation reworded = new Recommendation("SCREEN_BREAST", "screen-breast", "BreastScreeningFirst", PERIOD,
                LocalDate.of(2026, 12, 31), List.of("Nouvelle formulation."), List.of(DataCategory.IDENTITY));
        var plan = Reconciliation.plan(List.of(stored(PERIOD, RecommendationStatus.NOTIFIED)), decision(reworded), NO_FACTS);
        assertThat(plan.toExplain()).hasSize(1);
        assertThat(plan.toClose()).isEmpty();
    }

    @Test
    void aBookingMadeOrMovedIsStoredAndNotifiesNothing() {
        Reconciliation.Held open = stored(PERIOD, RecommendationStatus.NOTIFIED);
        var booked = Reconciliation.plan(List.of(open), decision(planned(PERIOD, ON.plusDays(7))), NO_FACTS);
        assertThat(booked.toExplain()).extracting(e -> e.now().plannedOn()).containsExactly(ON.plusDays(7));
        assertThat(booked.dueAgain()).isEmpty();
        var moved = Reconciliation.plan(List.of(withPlannedOn(open, ON.plusDays(7))), decision(planned(PERIOD, ON.plusDays(20))), NO_FACTS);
        assertThat(moved.toExplain()).hasSize(1);
        assertThat(moved.dueAgain()).isEmpty();
    }

    @Test
    void aBookingThatPassedOrWasCancelledWithoutTheActMakesItDueAgain() {
        Reconciliation.Held planned = withPlannedOn(stored(PERIOD, RecommendationStatus.OPEN), ON.minusDays(1));
        var plan = Reconciliation.plan(List.of(planned), decision(due(PERIOD)), NO_FACTS);
        assertThat(plan.toExplain()).hasSize(1);
        assertThat(plan.dueAgain()).extracting(e -> e.stored().plannedOn()).containsExactly(ON.minusDays(1));
        assertThat(plan.toClose()).isEmpty();
    }

    @Test
    void aBookingKeptAsItWasChangesNothing() {
        Recommendation booked = planned(PERIOD, ON.plusDays(7));
        Reconciliation.Held held = new Reconciliation.Held(UUID.randomUUID(), CITIZEN, "SCREEN_BREAST", "screen-breast", PERIOD,
                booked.dueBy(), null, RecommendationStatus.OPEN, Reconciliation.explanation(booked, "rules@1").digest(), ON.plusDays(7));
        assertThat(Reconciliation.plan(List.of(held), decision(booked), NO_FACTS).isEmpty()).isTrue();
    }

    @Test
    void withdrawsEverythingActiveWhenTheCitizenIsSuppressed() {
        Decision optedOut = new Decision("c", ON, "rules@1", Suppression.OPT_OUT, List.of());
        var plan = Reconciliation.plan(List.of(stored(PERIOD, RecommendationStatus.OPEN), stored(PERIOD.minusYears(2),
                RecommendationStatus.COMPLETED)), optedOut, DONE);
        assertThat(plan.toClose()).extracting(Reconciliation.Closing::status).containsExactly(RecommendationStatus.WITHDRAWN);
    }

    @Test
    void expiresOnlyOnceTheDueByDateHasPassed() {
        Reconciliation.Held dueToday = stored(PERIOD, RecommendationStatus.OPEN, ON);
        Reconciliation.Held dueYesterday = stored(PERIOD.plusDays(1), RecommendationStatus.OPEN, ON.minusDays(1));
        var plan = Reconciliation.plan(List.of(dueToday, dueYesterday), decision(), NO_FACTS);
        assertThat(plan.toClose()).extracting(c -> c.stored().dueBy(), Reconciliation.Closing::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ON, RecommendationStatus.WITHDRAWN),
                org.assertj.core.groups.Tuple.tuple(ON.minusDays(1), RecommendationStatus.EXPIRED));
    }

    @Test
    void completesWhenTheSameKeyIsNowDueForALaterPeriod() {
        var plan = Reconciliation.plan(List.of(stored(PERIOD, RecommendationStatus.SEEN)), decision(due(LocalDate.of(2028, 3, 10))),
                NO_FACTS);
        assertThat(plan.toOpen()).hasSize(1);
        assertThat(plan.toClose()).extracting(Reconciliation.Closing::status).containsExactly(RecommendationStatus.COMPLETED);
    }

    @Test
    void completesWhenTheFactsShowItsCampaignDoneInItsPeriodAndWithdrawsOtherwise() {
        Reconciliation.Held open = stored(PERIOD, RecommendationStatus.OPEN);
        List<String> asked = new java.util.ArrayList<>();
        var done = Reconciliation.plan(List.of(open), decision(), (campaign, from, on) -> asked.add(campaign + " " + from + " " + on));
        var notDone = Reconciliation.plan(List.of(open), decision(), NO_FACTS);
        assertThat(done.toClose()).extracting(Reconciliation.Closing::status).containsExactly(RecommendationStatus.COMPLETED);
        assertThat(asked).as("its own campaign, from the start of its period to the reference date")
                .containsExactly("screen-breast " + PERIOD + " " + ON);
        assertThat(notDone.toClose()).extracting(Reconciliation.Closing::status).containsExactly(RecommendationStatus.WITHDRAWN);
    }

    @Test
    void completesFromTheCompletionDatesTheDecisionCarries() {
        Reconciliation.Held open = stored(PERIOD, RecommendationStatus.OPEN);
        Decision mammographyInPeriod = new Decision("c", ON, "rules@1", null, List.of(),
                java.util.Map.of("screen-breast", List.of(PERIOD.plusMonths(2))));
        Decision mammographyBefore = new Decision("c", ON, "rules@1", null, List.of(),
                java.util.Map.of("screen-breast", List.of(PERIOD.minusDays(1))));
        Decision otherCampaign = new Decision("c", ON, "rules@1", null, List.of(),
                java.util.Map.of("screen-colorectal", List.of(PERIOD.plusMonths(2))));
        assertThat(Reconciliation.plan(List.of(open), mammographyInPeriod).toClose()).extracting(Reconciliation.Closing::status)
                .containsExactly(RecommendationStatus.COMPLETED);
        assertThat(Reconciliation.plan(List.of(open), mammographyBefore).toClose()).extracting(Reconciliation.Closing::status)
                .as("dated before its period").containsExactly(RecommendationStatus.WITHDRAWN);
        assertThat(Reconciliation.plan(List.of(open), otherCampaign).toClose()).extracting(Reconciliation.Closing::status)
                .as("another campaign's act").containsExactly(RecommendationStatus.WITHDRAWN);
    }

    @Test
    void aFirstDoseClosesItsOwnRecommendationAndOpensTheNextDoseWithItsOwnWindow() {
        LocalDate secondDoseFrom = ON.plusMonths(5);
        Reconciliation.Held firstDose = dose(LocalDate.of(2025, 5, 10), LocalDate.of(2025, 5, 10));
        var plan = Reconciliation.plan(List.of(firstDose), decision(doseDue(secondDoseFrom)), NO_FACTS);
        assertThat(plan.toClose()).extracting(c -> c.stored().id(), Reconciliation.Closing::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(firstDose.id(), RecommendationStatus.COMPLETED));
        assertThat(plan.toOpen()).extracting(Recommendation::dueFrom).as("the next dose, due later, is open now").containsExactly(secondDoseFrom);
    }

    @Test
    void aDoseGivenBeforeItsWindowButAfterItWasRecommendedCompletesIt() {
        LocalDate opened = ON.minusMonths(1);
        Reconciliation.Held secondDose = dose(ON.plusMonths(4), opened);
        List<String> asked = new java.util.ArrayList<>();
        var plan = Reconciliation.plan(List.of(secondDose), decision(), (campaign, from, on) -> asked.add(from + " " + on));
        assertThat(asked).as("completing facts count from the day it was opened").containsExactly(opened + " " + ON);
        assertThat(plan.toClose()).extracting(Reconciliation.Closing::status).containsExactly(RecommendationStatus.COMPLETED);
        var before = Reconciliation.plan(List.of(secondDose), decision(), (campaign, from, on) -> !from.isAfter(opened.minusDays(1)));
        assertThat(before.toClose()).extracting(Reconciliation.Closing::status).as("a fact only before it was opened")
                .containsExactly(RecommendationStatus.WITHDRAWN);
    }

    @Test
    void aRecommendationOpenedLongAfterItsPeriodBeganCountsFactsFromThePeriod() {
        Reconciliation.Held late = dose(PERIOD, ON.minusDays(2));
        List<String> asked = new java.util.ArrayList<>();
        Reconciliation.plan(List.of(late), decision(), (campaign, from, on) -> asked.add(from.toString()));
        assertThat(asked).containsExactly(PERIOD.toString());
    }

    @Test
    void leavesClosedRecommendationsAlone() {
        var plan = Reconciliation.plan(List.of(stored(PERIOD, RecommendationStatus.EXPIRED)), decision(), NO_FACTS);
        assertThat(plan.isEmpty()).isTrue();
    }

    private static Recommendation due(LocalDate from) {
        return new Recommendation("SCREEN_BREAST", "screen-breast", "BreastScreeningFirst", from, LocalDate.of(2026, 12, 31),
                List.of("Vous avez entre 50 et 74 ans."), List.of(DataCategory.IDENTITY));
    }

    private static Recommendation planned(LocalDate from, LocalDate on) {
        Recommendation r = due(from);
        return new Recommendation(r.key(), r.campaign(), r.rule(), r.dueFrom(), r.dueBy(), r.reasons(),
                List.of(DataCategory.IDENTITY, DataCategory.AGENDA), on);
    }

    private static Reconciliation.Held withPlannedOn(Reconciliation.Held h, LocalDate plannedOn) {
        Recommendation r = plannedOn == null ? due(h.dueFrom()) : planned(h.dueFrom(), plannedOn);
        return new Reconciliation.Held(h.id(), h.citizen(), h.key(), h.campaign(), h.dueFrom(), h.dueBy(), h.opened(), h.status(),
                Reconciliation.explanation(r, "rules@1").digest(), plannedOn);
    }

    private static Decision decision(Recommendation... due) {
        return new Decision("c", ON, "rules@1", null, List.of(due));
    }

    private static Reconciliation.Held stored(LocalDate from, RecommendationStatus status) {
        return stored(from, status, LocalDate.of(2026, 12, 31));
    }

    private static Reconciliation.Held stored(LocalDate from, RecommendationStatus status, LocalDate dueBy) {
        long explanation = new Explanation("BreastScreeningFirst", "rules@1", dueBy, List.of("Vous avez entre 50 et 74 ans."),
                List.of("IDENTITY")).digest();
        return new Reconciliation.Held(UUID.randomUUID(), CITIZEN, "SCREEN_BREAST", "screen-breast", from, dueBy, from.plusDays(3), status,
                explanation, null);
    }

    /** A dose of the HPV series, stored as opened on {@code opened}. */
    private static Reconciliation.Held dose(LocalDate from, LocalDate opened) {
        return new Reconciliation.Held(UUID.randomUUID(), CITIZEN, "VACC_HPV", "vacc-hpv", from, null, opened, RecommendationStatus.NOTIFIED, 0, null);
    }

    private static Recommendation doseDue(LocalDate from) {
        return new Recommendation("VACC_HPV", "vacc-hpv", "HpvSecondDoseTwoDoseSchedule", from, null,
                List.of("Une première dose a été faite."), List.of(DataCategory.IDENTITY, DataCategory.VACCINATIONS));
    }
}
