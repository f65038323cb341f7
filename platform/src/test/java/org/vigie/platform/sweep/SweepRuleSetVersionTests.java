package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.evaluation.RuleSets;

/**
 * The home of the rule sets: a sweep runs wholly on the version in force when it started, even when
 * another version is put in force before its chunks are worked; the version put out of force stays
 * readable by its id.
 */
@VigieApplicationTest
class SweepRuleSetVersionTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    Sweeps sweeps;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    RuleSet first;

    @AfterEach
    void putTheFirstVersionBackInForce() {
        new SweepFixture(context).noneRunning();
        if (first != null) ruleSets.publish(first);
    }

    @Test
    void aSweepStartedOnOneVersionFinishesOnItWhenAnotherIsPutInForceMidway() {
        first = ruleSets.live();
        RuleSet other = shippedRuleBaseAsVersion("2026.1-other");
        CitizenId woman = womanOf60();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ruleSetsOf(woman).isEmpty());
        assertThat(ruleSetsOf(woman)).containsOnly(first.id());

        // the sweep is planned on the first version; the other is in force before any chunk is committed to the workers
        Sweep sweep = transaction.execute(s -> {
            Sweep started = sweeps.start(SweepRequest.all(SweepTests.TODAY, "test"));
            ruleSets.publish(other);
            return started;
        });
        assertThat(ruleSets.live().id()).isEqualTo("default@2026.1-other");
        assertThat(ruleSets.version(first.id())).as("put out of force, still readable").containsSame(first);
        Sweep done = new SweepFixture(context).finished(sweep.id(), Duration.ofMinutes(2));

        assertThat(done.status()).isEqualTo(SweepStatus.DONE);
        assertThat(done.ruleSet()).isEqualTo(first.id());
        assertThat(ruleSetsOf(woman)).as("every recommendation the sweep explained names the version it started on")
                .containsOnly(first.id());
    }

    private CitizenId womanOf60() {
        String externalId = "rule-set-version-" + UUID.randomUUID();
        return spaces.importSnapshot(Actor.operator("test"), externalId, SnapshotJson.read("{\"citizenId\":\"" + externalId
                + "\",\"citizen\":{\"birthDate\":\"1966-02-01\",\"sex\":\"F\",\"accountStatus\":\"ACTIVATED\"}}").citizen(), "set-up");
    }

    private List<String> ruleSetsOf(CitizenId citizen) {
        return jdbc.sql("select distinct rule_set from recommendation where citizen_id = ?").param(citizen.value())
                .query(String.class).list();
    }

    /** The rule base shipped on the class path, built again under another version. */
    private static RuleSet shippedRuleBaseAsVersion(String version) {
        ClassLoader shipped = Thread.currentThread().getContextClassLoader();
        String manifest;
        try (InputStream in = shipped.getResourceAsStream(RuleSetManifest.LOCATION)) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RuleSetManifest.load(new ClassLoader(shipped) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return RuleSetManifest.LOCATION.equals(name) ? new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        });
    }
}
