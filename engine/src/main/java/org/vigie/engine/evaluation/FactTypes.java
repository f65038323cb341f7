package org.vigie.engine.evaluation;

import java.util.Collection;
import java.util.List;
import org.vigie.engine.campaign.Season;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;

/** The types rules may match, as bits: sets of them are tested for every group of every evaluation. */
final class FactTypes {

    private static final List<Class<?>> ALL = List.of(Citizen.class, Season.class, Condition.class, Treatment.class,
            Pregnancy.class, Vaccination.class, Act.class, Measure.class, FamilyHistory.class, Appointment.class,
            Document.class);

    private static final ClassValue<Long> BITS = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            int index = ALL.indexOf(type);
            return index < 0 ? 0L : 1L << index;
        }
    };

    private FactTypes() {
    }

    static long bit(Class<?> type) {
        return BITS.get(type);
    }

    static long mask(Collection<Class<?>> types) {
        long mask = 0;
        for (Class<?> type : types) mask |= bit(type);
        return mask;
    }
}
