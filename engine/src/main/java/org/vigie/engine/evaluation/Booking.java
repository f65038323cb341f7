package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Fact;

/**
 * Marks a recommendation planned when an appointment that does what it recommends ({@code bookedBy}
 * in the campaign's file) is scheduled in the agenda, on or after the reference date and within the
 * due window, among the facts the campaign may see (it must declare {@code AGENDA}; a minor's hidden
 * appointment and insurer data without consent do not count). The earliest such appointment gives
 * the date. Once that date has passed, the appointment no longer counts: if the act was not
 * recorded meanwhile, the recommendation is due again, unplanned. Done after the rules, for every
 * campaign alike: no rule deals with the agenda.
 */
final class Booking {

    private Booking() {
    }

    static Recommendation planned(Recommendation r, Campaign campaign, CitizenFacts citizen, List<Fact> usable, LocalDate on) {
        if (campaign.bookedBy().isEmpty() || !campaign.declares(DataCategory.AGENDA)) return r;
        boolean insurerData = FactGuard.insurerDataAllowed(campaign, citizen);
        LocalDate first = null;
        for (Fact fact : usable) {
            if (!(fact instanceof Appointment a) || !FactGuard.visible(fact, campaign, insurerData)) continue;
            if (a.status() != AppointmentStatus.SCHEDULED || a.date() == null || !campaign.bookedBy().contains(a.kind())) continue;
            LocalDate date = a.date();
            boolean inWindow = !date.isBefore(on) && !date.isBefore(r.dueFrom()) && (r.dueBy() == null || !date.isAfter(r.dueBy()));
            if (inWindow && (first == null || date.isBefore(first))) first = date;
        }
        if (first == null) return r;
        // the agenda was read to say so (P5)
        EnumSet<DataCategory> used = EnumSet.of(DataCategory.AGENDA);
        used.addAll(r.dataUsed());
        return new Recommendation(r.key(), r.campaign(), r.rule(), r.dueFrom(), r.dueBy(), r.reasons(), new ArrayList<>(used), first);
    }
}
