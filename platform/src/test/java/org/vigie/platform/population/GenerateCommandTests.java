package org.vigie.platform.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.platform.cli.Command;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.ContextCommand;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.evaluation.RuleSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code generate} through the command, each time on a fresh temporary embedded PostgreSQL. */
class GenerateCommandTests {

    private static final LocalDate ON = LocalDate.of(2026, 3, 16);
    private static final List<String> FACT_TABLES = List.of("pregnancy", "condition", "treatment", "vaccination", "act",
            "measure", "family_history", "appointment", "document");

    private record Run(int status, String out, String err) {
    }

    @Test
    void storesWhatTheSummarySaysAsTheGeneratorMadeItAndRefusesTheSameSeedTwice() throws Exception {
        inFreshDatabase(context -> {
            Run run = generate(context, 3_000, 7);
            assertThat(run.status()).isZero();
            JsonNode summary = JsonMapper.builder().build().readTree(run.out());
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(summary.get("citizens").asLong()).isEqualTo(3_000).isEqualTo(count(jdbc, "select count(*) from citizen"));
            long facts = 0;
            for (String table : FACT_TABLES) facts += count(jdbc, "select count(*) from " + table);
            assertThat(summary.get("facts").asLong()).isEqualTo(facts).isGreaterThan(3_000);
            assertThat(summary.get("citizensPerSecond").asLong()).isPositive();

            assertThat(count(jdbc, "select count(*) from citizen where prevention_opt_out")).isPositive();
            assertThat(count(jdbc, "select count(*) from citizen where account_status = 'CLOSED' and closed_at is not null")).isPositive();
            assertThat(count(jdbc, "select count(*) from insurer_consent where consent = 'GRANTED'")).isPositive();
            assertThat(count(jdbc, "select count(*) from pregnancy")).isPositive();
            assertThat(count(jdbc, "select count(*) from act where source = 'INSURER'")).isPositive();
            assertThat(count(jdbc, "select count(*) from vaccination where source <> 'PROFESSIONAL'")).isZero();
            assertThat(count(jdbc, "select count(*) from measure where source <> 'SELF'")).isZero();
            assertThat(count(jdbc, "select count(*) from document where hidden_from_representatives")).isPositive();
            assertThat(count(jdbc, """
                    select count(*) from citizen c where birth_date > date '2008-03-16'
                    and not exists (select 1 from representative r where r.citizen_id = c.id)""")).isZero();
            assertThat(count(jdbc, "select count(*) from trace where action = 'imported'")).isEqualTo(3_000);

            Run again = generate(context, 10, 7);
            assertThat(again.status()).isEqualTo(2);
            assertThat(again.err()).contains("already holds 3000 citizens generated with seed 7");
            assertThat(count(jdbc, "select count(*) from citizen")).isEqualTo(3_000);
            assertThat(generate(context, 10, 8).status()).isZero();
        });
    }

    @Test
    void aStoredCitizenReadsBackAsGeneratedAndEvaluates() throws Exception {
        inFreshDatabase(context -> {
            assertThat(generate(context, 500, 11).status()).isZero();
            CitizenSpaces spaces = context.getBean(CitizenSpaces.class);
            RuleSet rules = context.getBean(RuleSets.class).live();
            SyntheticPopulation population = new SyntheticPopulation(ON, 11);
            int recommendations = 0;
            for (int i = 0; i < 500; i++) {
                CitizenId id = spaces.findByExternalId(population.externalId(i)).orElseThrow();
                Snapshot stored = spaces.snapshot(Actor.engine(rules.id()), id, "test");
                Snapshot contract = SnapshotJson.read(SnapshotJson.write(new Snapshot(stored.citizenId(), ON, stored.citizen())));
                assertThat(contract.citizen()).isEqualTo(stored.citizen());
                assertSame(stored.citizen(), population.citizen(i).citizen());
                Decision decision = rules.evaluate(contract, ON);
                recommendations += decision.recommendations().size();
            }
            assertThat(recommendations).isPositive();
        });
    }

    @Test
    void theSameSeedGivesTheSamePopulationInAnotherDatabase() throws Exception {
        List<Map<String, String>> databases = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            inFreshDatabase(context -> {
                assertThat(generate(context, 300, 5).status()).isZero();
                CitizenSpaces spaces = context.getBean(CitizenSpaces.class);
                Map<String, String> snapshots = new LinkedHashMap<>();
                for (int i = 0; i < 300; i += 7) {
                    String external = SyntheticPopulation.externalIdPrefix(5) + i;
                    Snapshot s = spaces.snapshot(Actor.operator("test"), spaces.findByExternalId(external).orElseThrow(), "test");
                    snapshots.put(external, SnapshotJson.write(new Snapshot(external, ON, s.citizen())));
                }
                databases.add(snapshots);
            });
        }
        assertThat(databases.get(0)).hasSize(43).isEqualTo(databases.get(1));
    }

    private static void assertSame(CitizenFacts stored, CitizenFacts generated) {
        assertThat(stored.birthDate()).isEqualTo(generated.birthDate());
        assertThat(stored.sex()).isEqualTo(generated.sex());
        assertThat(stored.accountStatus()).isEqualTo(generated.accountStatus());
        assertThat(stored.preventionOptOut()).isEqualTo(generated.preventionOptOut());
        for (Pathway p : List.of(Pathway.SCREENING, Pathway.CHRONIC_CONDITIONS, Pathway.PREGNANCY)) {
            assertThat(stored.consentFor(p)).isEqualTo(generated.consentFor(p));
        }
        assertThat(stored.facts().map(Object::toString).sorted().toList())
                .isEqualTo(generated.facts().map(Object::toString).sorted().toList());
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Run generate(ApplicationContext context, int citizens, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenerateCommand.run(context, List.of("--citizens", "" + citizens, "--seed", "" + seed, "--on", ON.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Check {
        void in(ApplicationContext context) throws Exception;
    }

    /** Boots the application as the command line does, on a temporary database, and runs the check in it. */
    private static void inFreshDatabase(Check check) throws Exception {
        Command command = ContextCommand.of(GenerateCommand.SYNOPSIS, GenerateCommand.SUMMARY, (context, args, in, out, err) -> {
            check.in(context);
            return 0;
        });
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(command.run(List.of("--vigie.embedded-postgres.temporary=true"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8))).isZero();
    }
}
