package org.vigie.platform.criteria;

import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.evaluation.CampaignCriteria;

/** The catalogue as the API returns it: the rule set's id, the day it is in force on, and each campaign's criteria. */
record Criteria(String ruleSet, LocalDate on, List<CampaignCriteria> campaigns) {
}
