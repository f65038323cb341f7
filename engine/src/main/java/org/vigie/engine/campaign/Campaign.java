package org.vigie.engine.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;

/**
 * A campaign's declaration: what it recommends, to whom (in words a citizen reads), under which
 * consent pathway, with which data categories (nothing else reaches its rules), how citizens are
 * notified, when it runs and how long to wait before notifying the same citizen again.
 */
public record Campaign(
        String id,
        String key,
        String title,
        String description,
        Pathway pathway,
        Set<DataCategory> dataCategories,
        NotificationCategory notificationCategory,
        List<Season> seasons,
        Period coolDown) {

    public Campaign {
        // an EnumSet: declares() is on the path of every fact of every evaluation
        dataCategories = Collections.unmodifiableSet(dataCategories == null || dataCategories.isEmpty()
                ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(dataCategories));
        seasons = seasons == null ? List.of() : List.copyOf(seasons);
    }

    public boolean declares(DataCategory category) {
        return dataCategories.contains(category);
    }

    public boolean seasonal() {
        return !seasons.isEmpty();
    }

    /** The season open on the date, if the campaign is seasonal and one is. */
    public Optional<Season> seasonOn(LocalDate date) {
        for (Season season : seasons) {
            if (season.contains(date)) return Optional.of(season);
        }
        return Optional.empty();
    }
}
