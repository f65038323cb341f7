package org.vigie.engine.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.vigie.engine.campaign.Campaign;

/**
 * One campaign's rules, compiled and checked on their own (minimisation, descriptions, dates), so
 * that every problem names its campaign. Evaluation runs them in a {@link CampaignGroup}.
 */
record CompiledCampaign(Campaign campaign, KieBase kieBase, Map<String, CompiledRule> rules) {

    CompiledCampaign {
        rules = Map.copyOf(rules);
    }

    Collection<KiePackage> packages() {
        return List.copyOf(kieBase.getKiePackages());
    }
}
