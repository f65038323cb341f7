package org.vigie.platform.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;

/**
 * Fills in the category and pathway (V10) of the recommendations stored before them, from the
 * campaign files shipped with this version: what the campaign of each declares. A row whose campaign
 * no shipped file declares keeps NULL (delivery then files it as the holder's exams and
 * vaccinations, and waits for a consent it cannot name). Named as Flyway wants it: version 10.1.
 */
@Component
class V10_1__Recommendation_category_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> campaigns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select distinct campaign from recommendation where category is null");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) campaigns.add(rs.getString(1));
        }
        ClassLoader loader = V10_1__Recommendation_category_backfill.class.getClassLoader();
        try (PreparedStatement update = connection.prepareStatement(
                "update recommendation set category = ?, pathway = ? where campaign = ? and category is null")) {
            for (String id : campaigns) {
                String file = CampaignCatalogue.LOCATION + id + ".yaml";
                Campaign campaign;
                try (InputStream in = loader.getResourceAsStream(file)) {
                    if (in == null) continue;
                    campaign = CampaignCatalogue.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(file + ": cannot be read", e);
                }
                update.setString(1, campaign.notificationCategory().name());
                update.setString(2, campaign.pathway().name());
                update.setString(3, id);
                update.executeUpdate();
            }
        }
    }
}
