package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.BodyMassIndex;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.terminology.Terminology;

/**
 * Decides which facts reach a campaign's rules. Applied by the engine before any rule runs, so no
 * rule author can forget it:
 * <ul>
 *   <li>a minor's facts hidden from the legal representatives are never used (P8);</li>
 *   <li>facts known only after the reference date do not exist yet on that date;</li>
 *   <li>a campaign sees only the categories it declares (P4);</li>
 *   <li>insurer data reaches a campaign only when it declares it and the holder granted consent for
 *       the campaign's pathway (P3).</li>
 * </ul>
 */
final class FactGuard {

    private FactGuard() {
    }

    /**
     * The facts usable for any campaign on the reference date, with their codes resolved, and the
     * BMI of the latest weight and height when no recorded BMI is as recent (rules read BMI; people
     * record a weight and a height).
     */
    static List<Fact> usable(CitizenFacts citizen, Citizen identity, Terminology terminology) {
        boolean minor = identity.minor();
        LocalDate on = identity.on();
        List<Fact> usable = new ArrayList<>();
        citizen.facts().forEach(fact -> {
            if (minor && fact.hiddenFromRepresentatives()) return;
            LocalDate since = fact.knownSince();
            if (since != null && since.isAfter(on)) return;
            usable.add(resolve(fact, terminology));
        });
        // after the two filters: a BMI is never derived from a hidden or a future measure
        BodyMassIndex.derivedFrom(usable.stream().filter(Measure.class::isInstance).map(Measure.class::cast).toList())
                .ifPresent(usable::add);
        return usable;
    }

    /** Whether insurer data may reach this campaign for this citizen. */
    static boolean insurerDataAllowed(Campaign campaign, CitizenFacts citizen) {
        return campaign.declares(DataCategory.INSURER_DATA)
                && citizen.consentFor(campaign.pathway()) == Consent.GRANTED;
    }

    /** Whether one usable fact may reach the campaign's rules (minimisation and consent). */
    static boolean visible(Fact fact, Campaign campaign, boolean insurerDataAllowed) {
        return campaign.declares(fact.category()) && (!fact.fromInsurer() || insurerDataAllowed);
    }

    private static Fact resolve(Fact fact, Terminology terminology) {
        if (fact instanceof Condition c) {
            return c.withConcepts(terminology.conceptsOf(Terminology.System.ICD10, c.code()));
        }
        if (fact instanceof FamilyHistory h) {
            return h.withConcepts(terminology.conceptsOf(Terminology.System.ICD10, h.code()));
        }
        if (fact instanceof Treatment t) {
            return t.withConcepts(terminology.conceptsOf(Terminology.System.ATC, t.code()));
        }
        if (fact instanceof Act a && a.kind() == null) {
            return a.withKind(terminology.actKindOf(a.system(), a.code()));
        }
        return fact;
    }
}
