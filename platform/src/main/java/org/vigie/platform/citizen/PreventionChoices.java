package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;

/**
 * The holder's prevention choices (docs/space-sources.md#objection-and-consent): the opt-out from personalised prevention
 * (participating by default) and the insurer-data consent of each pathway ({@code NOT_ASKED} by
 * default). The current value and every change are kept; a change publishes its event.
 */
@Service
public class PreventionChoices {

    private final JdbcClient jdbc;
    private final CitizenTable citizens;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreventionChoices(JdbcClient jdbc, CitizenTable citizens, Traces traces, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.traces = traces;
        this.events = events;
        this.clock = clock;
    }

    /** Objects to (true) or participates again in (false) personalised prevention; nothing happens if unchanged. */
    @Transactional
    public void setOptOut(Actor actor, CitizenId citizen, boolean optedOut, String why) {
        CitizenTable.Row row = citizens.lock(citizen);
        if (row.optedOut() == optedOut) return;
        Instant now = clock.instant();
        citizens.updateOptOut(citizen, optedOut, now);
        jdbc.sql("insert into prevention_opt_out_change (citizen_id, opted_out, changed_at, changed_by) values (?, ?, ?, ?)")
                .params(citizen.value(), optedOut, CitizenTable.ts(now), actor.name()).update();
        traces.record(actor, citizen, optedOut ? "prevention opt-out: objected" : "prevention opt-out: participates", why);
        events.publishEvent(new PreventionOptOutChanged(citizen, optedOut, now));
    }

    @Transactional(readOnly = true)
    public boolean optedOut(CitizenId citizen) {
        return citizens.find(citizen).orElseThrow(() -> new UnknownCitizen(citizen)).optedOut();
    }

    /** What the holder sees on their choices page: the current choices, whether to offer each consent journey, their history. */
    public record View(boolean optedOut, Map<Pathway, Consent> consents, Map<Pathway, Boolean> offerConsentJourney,
                       List<OptOutChange> optOutHistory, List<ConsentChange> consentHistory) {
    }

    /** The choices as the holder or a representative reads them; the read is traced (P9). */
    @Transactional
    public View view(Actor actor, CitizenId citizen, String why) {
        boolean optedOut = optedOut(citizen);
        Map<Pathway, Consent> consents = new EnumMap<>(Pathway.class);
        Map<Pathway, Boolean> offer = new EnumMap<>(Pathway.class);
        Map<Pathway, Consent> answered = consents(citizen);
        for (Pathway pathway : Pathway.values()) {
            if (pathway == Pathway.GENERAL) continue;
            consents.put(pathway, answered.getOrDefault(pathway, Consent.NOT_ASKED));
            offer.put(pathway, offerConsentJourney(citizen, pathway));
        }
        traces.record(actor, citizen, "read prevention choices", why);
        return new View(optedOut, consents, offer, optOutHistory(citizen), consentHistory(citizen));
    }

    /** Every change of the opt-out, oldest first. */
    @Transactional(readOnly = true)
    public List<OptOutChange> optOutHistory(CitizenId citizen) {
        return jdbc.sql("select opted_out, changed_at, changed_by from prevention_opt_out_change where citizen_id = ? order by changed_at, id")
                .param(citizen.value())
                .query((rs, n) -> new OptOutChange(rs.getBoolean(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** Records the answer of the consent journey of a pathway (or a later change of mind); nothing happens if unchanged. */
    @Transactional
    public void setConsent(Actor actor, CitizenId citizen, Pathway pathway, Consent consent, String why) {
        if (pathway == Pathway.GENERAL) {
            throw new IllegalArgumentException("GENERAL campaigns never use insurer data: there is no consent to give");
        }
        citizens.lock(citizen);
        if (consents(citizen).getOrDefault(pathway, Consent.NOT_ASKED) == consent) return;
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into insurer_consent (citizen_id, pathway, consent, changed_at) values (?, ?, ?, ?)
                        on conflict (citizen_id, pathway) do update set consent = excluded.consent, changed_at = excluded.changed_at""")
                .params(citizen.value(), pathway.name(), consent.name(), CitizenTable.ts(now)).update();
        jdbc.sql("insert into insurer_consent_change (citizen_id, pathway, consent, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                .params(citizen.value(), pathway.name(), consent.name(), CitizenTable.ts(now), actor.name()).update();
        traces.record(actor, citizen, "insurer-data consent " + pathway + ": " + consent, why);
        events.publishEvent(new ConsentChanged(citizen, pathway, consent, now));
    }

    /** The answer for each pathway that has one other than NOT_ASKED (a missing pathway is NOT_ASKED, as in the contract). */
    @Transactional(readOnly = true)
    public Map<Pathway, Consent> consents(CitizenId citizen) {
        Map<Pathway, Consent> consents = new EnumMap<>(Pathway.class);
        jdbc.sql("select pathway, consent from insurer_consent where citizen_id = ?").param(citizen.value())
                .query((rs, n) -> Map.entry(Pathway.valueOf(rs.getString(1)), Consent.valueOf(rs.getString(2))))
                .list()
                .stream().filter(e -> e.getValue() != Consent.NOT_ASKED)
                .forEach(e -> consents.put(e.getKey(), e.getValue()));
        return consents;
    }

    /** {@link #consents(CitizenId)} of many citizens in one query; a citizen without an answer maps to an empty map. */
    Map<CitizenId, Map<Pathway, Consent>> consents(Collection<CitizenId> citizens) {
        Map<CitizenId, Map<Pathway, Consent>> consents = new HashMap<>(citizens.size() * 2);
        citizens.forEach(c -> consents.put(c, new EnumMap<>(Pathway.class)));
        if (citizens.isEmpty()) return consents;
        jdbc.sql("select citizen_id, pathway, consent from insurer_consent where citizen_id = any(?) and consent <> 'NOT_ASKED'")
                .param(citizens.stream().map(CitizenId::value).toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> {
                    Map<Pathway, Consent> of = consents.get(new CitizenId(rs.getObject(1, UUID.class)));
                    if (of != null) of.put(Pathway.valueOf(rs.getString(2)), Consent.valueOf(rs.getString(3)));
                });
        return consents;
    }

    /** Every answer of every pathway, oldest first. */
    @Transactional(readOnly = true)
    public List<ConsentChange> consentHistory(CitizenId citizen) {
        return jdbc.sql("select pathway, consent, changed_at, changed_by from insurer_consent_change where citizen_id = ? order by changed_at, id")
                .param(citizen.value())
                .query((rs, n) -> new ConsentChange(Pathway.valueOf(rs.getString(1)), Consent.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /**
     * Whether to offer the consent journey of a pathway at login: only while the holder has not
     * answered. A refusal is an answer: the journey is not offered again (the holder may still
     * change it from the choices page).
     */
    @Transactional(readOnly = true)
    public boolean offerConsentJourney(CitizenId citizen, Pathway pathway) {
        return pathway != Pathway.GENERAL && consents(citizen).getOrDefault(pathway, Consent.NOT_ASKED) == Consent.NOT_ASKED;
    }
}
