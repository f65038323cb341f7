package org.vigie.platform.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.campaign.NotificationCategory;

/**
 * The preference category of a campaign's notifications: what its file declares
 * ({@code notificationCategory}); for a campaign the shipped rule set does not know, organised
 * cancer screening for a {@code SCREEN_*} key and exams and vaccinations otherwise. Also the
 * campaign's consent pathway, whose insurer-data consent a notification may depend on.
 */
@Component
class CampaignCategories {

    private final ObjectProvider<RuleSet> ruleSet;
    private volatile Map<String, NotificationCategory> declared;
    private volatile Map<String, Pathway> pathways;

    // a provider: the rule set is built in the background during start-up
    CampaignCategories(ObjectProvider<RuleSet> ruleSet) {
        this.ruleSet = ruleSet;
    }

    NotificationCategory of(String campaign, String key) {
        NotificationCategory category = declared().get(campaign);
        if (category != null) return category;
        return key != null && key.startsWith("SCREEN_") ? NotificationCategory.CANCER_SCREENING : NotificationCategory.EXAMS_VACCINATIONS;
    }

    /** The campaign's pathway, if the rule set knows the campaign. */
    Optional<Pathway> pathway(String campaign) {
        Map<String, Pathway> known = pathways;
        if (known == null) {
            RuleSet rules = ruleSet.getIfAvailable();
            if (rules == null) return Optional.empty();
            known = rules.campaigns().stream().collect(Collectors.toUnmodifiableMap(Campaign::id, Campaign::pathway));
            pathways = known;
        }
        return Optional.ofNullable(known.get(campaign));
    }

    private Map<String, NotificationCategory> declared() {
        Map<String, NotificationCategory> known = declared;
        if (known == null) {
            RuleSet rules = ruleSet.getIfAvailable();
            if (rules == null) return Map.of();
            known = rules.campaigns().stream().filter(c -> c.notificationCategory() != null)
                    .collect(Collectors.toUnmodifiableMap(Campaign::id, Campaign::notificationCategory));
            declared = known;
        }
        return known;
    }
}
