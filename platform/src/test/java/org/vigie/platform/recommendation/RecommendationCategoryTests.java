package org.vigie.platform.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.evaluation.RuleSets;

/**
 * A recommendation is stored with the notification category and consent pathway its campaign
 * declares in the rule-set version that made it, and the category travels with the event: delivery
 * never goes back to the rule set. Rows stored before are filled in from the campaign files.
 */
@VigieApplicationTest
class RecommendationCategoryTests {

    @Autowired
    Recommendations recommendations;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void eachRecommendationCarriesItsCampaignsCategoryAndPathway() {
        CitizenId woman = registered("1966-02-01", "F");
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"1966-02-01\",\"sex\":\"F\"}}");

        RecommendationsChanged changed = recommendations.reconcile(
                List.of(new Evaluated(woman, ruleSets.live().evaluate(snapshot, LocalDate.of(2026, 3, 16)))));

        Map<String, NotificationCategory> declared = new java.util.HashMap<>();
        ruleSets.live().campaigns().forEach(c -> declared.put(c.key(), c.notificationCategory()));
        assertThat(changed.opened()).extracting(RecommendationsChanged.Opened::key).contains("SCREEN_BREAST");
        assertThat(changed.opened()).allSatisfy(o -> assertThat(o.category()).as(o.key()).isEqualTo(declared.get(o.key())));
        assertThat(changed.opened()).filteredOn(o -> o.key().equals("SCREEN_BREAST")).singleElement()
                .satisfies(o -> assertThat(o.category()).isEqualTo(NotificationCategory.CANCER_SCREENING));
        Map<String, String> pathways = jdbc.sql("select key, pathway from recommendation where citizen_id = ?").param(woman.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(pathways).containsEntry("SCREEN_BREAST", Pathway.SCREENING.name());
        assertThat(recommendations.of(Actor.holder(woman), woman, "check")).filteredOn(r -> r.key().equals("SCREEN_BREAST"))
                .singleElement().satisfies(r -> assertThat(r.category()).isEqualTo(NotificationCategory.CANCER_SCREENING));
    }

    @Test
    void rowsStoredBeforeTakeWhatTheShippedCampaignFilesDeclareAndAnUnknownCampaignKeepsNone() throws Exception {
        CitizenId citizen = registered("1960-01-01", "F");
        UUID breast = stored(citizen, "SCREEN_BREAST", "screen-breast");
        UUID retired = stored(citizen, "RETIRED_CAMPAIGN", "retired-campaign");

        try (Connection connection = dataSource.getConnection()) {
            new V10_1__Recommendation_category_backfill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(filing(breast)).containsExactly("CANCER_SCREENING", "SCREENING");
        assertThat(filing(retired)).containsExactly(null, null);
    }

    private CitizenId registered(String birthDate, String sex) {
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"" + birthDate + "\",\"sex\":\"" + sex + "\"}}");
        return spaces.register(Actor.ingestion("test"), new Registration("category-" + UUID.randomUUID(),
                snapshot.citizen().birthDate(), snapshot.citizen().sex(), null, null));
    }

    /** A row as stored before V10: no category, no pathway. */
    private UUID stored(CitizenId citizen, String key, String campaign) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into recommendation (id, citizen_id, key, campaign, rule, rule_set, due_from, reasons, data_used, status, "
                        + "created_at, updated_at) values (?, ?, ?, ?, 'R', 'default@2026.1', ?, '[]'::jsonb, '[]'::jsonb, 'OPEN', ?, ?)")
                .params(id, citizen.value(), key, campaign, java.sql.Date.valueOf("2026-01-01"), now, now).update();
        return id;
    }

    private List<String> filing(UUID id) {
        return jdbc.sql("select category, pathway from recommendation where id = ?").param(id)
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2))).single();
    }
}
