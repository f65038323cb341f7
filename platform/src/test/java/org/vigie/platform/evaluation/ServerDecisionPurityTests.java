package org.vigie.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.Api;
import org.vigie.platform.Publications;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.security.Role;
import org.vigie.rules.GeneratedCitizens;

/**
 * The server's paths give the decision of a fresh rule set, whatever they evaluated before: HTTP
 * evaluations sent from several connections in a random order, and the re-evaluations that storing
 * generated citizens triggers. (Sweeps are checked the same way in {@code SweepTests}.)
 */
@VigieApplicationTest
class ServerDecisionPurityTests {

    static final LocalDate TODAY = VigieApplicationTest.TODAY;

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CitizenSpaces spaces;

    @Test
    void httpEvaluationsInAnyOrderAnswerAsAFreshRuleSet() throws Exception {
        GeneratedCitizens generator = new GeneratedCitizens(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            LocalDate on = generator.referenceDate();
            Map<String, Object> citizen = generator.citizen(on);
            for (int d = 0; d < 3; d++) {
                LocalDate date = d == 0 ? on : generator.referenceDate();
                if (!date.isBefore(LocalDate.parse((String) citizen.get("birthDate")))) {
                    lines.add(GeneratedCitizens.snapshot("h" + i, date, citizen));
                }
            }
        }
        List<String> alone = new ArrayList<>();
        for (String line : lines) {
            try (RuleSet fresh = ruleSets.live().fresh()) {
                alone.add(SnapshotJson.write(fresh.evaluate(SnapshotJson.read(line), TODAY)));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(11));
        Api committee = Api.as(port, "committee-member", Role.COMMITTEE);
        String[] answered = new String[lines.size()];
        ExecutorService connections = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i : order) {
                sent.add(connections.submit(() -> {
                    HttpResponse<String> response = committee.post("/api/v1/evaluations", lines.get(i));
                    answered[i] = response.statusCode() + " " + response.body();
                }));
            }
            for (Future<?> f : sent) f.get();
        } finally {
            connections.shutdown();
        }
        for (int i = 0; i < lines.size(); i++) {
            assertThat(answered[i]).as("HTTP evaluation of %s", lines.get(i)).isEqualTo("200 " + alone.get(i));
        }
    }

    @Test
    void reevaluationsOfStoredCitizensStoreTheDecisionOfAFreshRuleSet() {
        GeneratedCitizens generator = new GeneratedCitizens(12);
        StringBuilder body = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "purity-" + i;
            ids.add(id);
            body.append(GeneratedCitizens.snapshot(id, TODAY, generator.citizen(TODAY)).replace("\"on\":\"" + TODAY + "\",", ""))
                    .append('\n');
        }
        Publications publications = Publications.from(jdbc);
        HttpResponse<String> response = Api.devAccount(port, "ingestion").post("/api/v1/ingestions", "application/x-ndjson",
                body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        publications.awaitHandled();

        int recommended = 0;
        for (String id : ids) {
            CitizenId citizen = spaces.findByExternalId(id).orElseThrow();
            Set<String> expected;
            try (RuleSet fresh = ruleSets.live().fresh()) {
                Decision decision = fresh.evaluate(spaces.snapshot(Actor.operator("purity-test"), citizen, "check"), TODAY);
                expected = decision.recommendations().stream()
                        .map(r -> r.key() + " " + r.rule() + " " + r.dueFrom() + " " + r.dueBy()).collect(Collectors.toSet());
            }
            Set<String> stored = new HashSet<>(jdbc.sql("select key || ' ' || rule || ' ' || due_from || ' ' || coalesce(due_by::text, 'null') "
                            + "from recommendation where citizen_id = ? and status in ('OPEN', 'NOTIFIED', 'SEEN')")
                    .param(citizen.value()).query(String.class).list());
            recommended += expected.size();
            assertThat(stored).as("recommendations stored for %s", id).isEqualTo(expected);
        }
        assertThat(recommended).as("recommendations across the stored citizens").isGreaterThan(100);
    }
}
