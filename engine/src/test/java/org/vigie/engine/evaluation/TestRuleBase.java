package org.vigie.engine.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.terminology.Terminology;

/** Builds small rule sets from the files under {@code src/test/resources/testbase}. */
final class TestRuleBase {

    private TestRuleBase() {
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestRuleBase.class.getClassLoader().getResourceAsStream("testbase/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Campaign campaign(String id) {
        return CampaignCatalogue.parse(id + ".yaml", text("campaigns/" + id + ".yaml"));
    }

    static Terminology terminology() {
        return Terminology.read("terminology.csv", new InputStreamReader(
                TestRuleBase.class.getClassLoader().getResourceAsStream("testbase/terminology.csv"), StandardCharsets.UTF_8));
    }

    /** One campaign with its single DRL file of the same name. */
    static RuleSet build(String campaignId) {
        return build(campaign(campaignId), campaignId);
    }

    static RuleSet build(Campaign campaign, String ruleFile) {
        return new RuleSetBuilder("test", "1", CampaignCatalogue.of(List.of(campaign)), terminology())
                .rules(campaign.id(), List.of(new RuleFile("rules/" + ruleFile + ".drl", bytes("rules/" + ruleFile + ".drl"))))
                .build();
    }
}
