package org.vigie.platform.citizen;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a space's data: for a purge, or for a space reopened after its data was no longer to be kept. */
@Component
class SpaceData {

    private static final java.util.List<String> CHOICES = java.util.List.of("prevention_opt_out_change", "insurer_consent",
            "insurer_consent_change", "notification_preference", "push_device", "representative");

    private final JdbcClient jdbc;
    private final FactTables facts;
    private final Traces traces;

    SpaceData(JdbcClient jdbc, FactTables facts, Traces traces) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.traces = traces;
    }

    /** Everything but the citizen row itself: facts, choices, devices, representatives, traces. */
    void erase(CitizenId citizen) {
        facts.deleteAll(citizen);
        for (String table : CHOICES) {
            jdbc.sql("delete from " + table + " where citizen_id = ?").param(citizen.value()).update();
        }
        jdbc.sql("update citizen set prevention_opt_out = false where id = ?").param(citizen.value()).update();
        traces.purge(citizen);
    }

    /** The whole space, the citizen row included. */
    void purge(CitizenId citizen) {
        erase(citizen);
        jdbc.sql("delete from citizen where id = ?").param(citizen.value()).update();
    }
}
