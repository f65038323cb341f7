package org.vigie.platform.criteria;

import java.util.List;
import org.vigie.engine.evaluation.CampaignCriteria;

/** The catalogue as the API returns it: the rule set's id and each campaign's criteria. */
record Criteria(String ruleSet, List<CampaignCriteria> campaigns) {
}
