package org.vigie.engine.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;

/**
 * A campaign's declaration: what it recommends, to whom (in words a citizen reads), under which
 * consent pathway, with which data categories (nothing else reaches its rules), how citizens are
 * notified, where its message is displayed in the space (and, for a profile alert, on which section
 * of the medical profile), what completes it, when it runs and how long to wait before notifying the
 * same citizen again; who does what it recommends ({@code performedBy}) and which agenda appointments
 * mean it is already booked ({@code bookedBy}, read only with the {@code AGENDA} category).
 */
public record Campaign(
        String id,
        String key,
        String title,
        String description,
        Pathway pathway,
        Set<DataCategory> dataCategories,
        NotificationCategory notificationCategory,
        List<SeasonPlan> seasons,
        Period coolDown,
        Set<Surface> surfaces,
        ProfileSection profileSection,
        Completion completedBy,
        List<Professional> performedBy,
        Set<AppointmentKind> bookedBy) {

    public Campaign {
        // an EnumSet: declares() is on the path of every fact of every evaluation
        dataCategories = Collections.unmodifiableSet(dataCategories == null || dataCategories.isEmpty()
                ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(dataCategories));
        seasons = seasons == null ? List.of() : List.copyOf(seasons);
        // in the enum's order whatever the file's: FEED, AGENDA, PROFILE_ALERT, SECURE_MESSAGE
        surfaces = Collections.unmodifiableSet(surfaces == null || surfaces.isEmpty()
                ? EnumSet.noneOf(Surface.class) : EnumSet.copyOf(surfaces));
        if (completedBy == null) completedBy = Completion.NOTHING;
        performedBy = performedBy == null ? List.of() : List.copyOf(performedBy);
        bookedBy = Collections.unmodifiableSet(bookedBy == null || bookedBy.isEmpty()
                ? EnumSet.noneOf(AppointmentKind.class) : EnumSet.copyOf(bookedBy));
    }

    /** Whether the campaign's message is displayed on {@code surface}. */
    public boolean displaysOn(Surface surface) {
        return surfaces.contains(surface);
    }

    public boolean declares(DataCategory category) {
        return dataCategories.contains(category);
    }

    public boolean seasonal() {
        return !seasons.isEmpty();
    }

    /**
     * The season open on the date, as known that day (a committee's dates count from the day they
     * were announced), if the campaign is seasonal and one is.
     */
    public Optional<Season> seasonOn(LocalDate date) {
        for (SeasonPlan plan : seasons) {
            Season season = plan.seasonOn(date);
            if (season != null) return Optional.of(season);
        }
        return Optional.empty();
    }

    /** The first season opening after the date, as known that day. */
    public Optional<Season> nextSeasonAfter(LocalDate date) {
        Season next = null;
        for (SeasonPlan plan : seasons) {
            Season season = plan.nextAfter(date);
            if (season != null && (next == null || season.from().isBefore(next.from()))) next = season;
        }
        return Optional.ofNullable(next);
    }
}
