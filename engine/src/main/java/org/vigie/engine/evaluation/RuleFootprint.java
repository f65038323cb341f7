package org.vigie.engine.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.rule.Rule;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.Season;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Fact;

/**
 * The fact types a compiled rule matches anywhere in its conditions ({@code not}, {@code exists},
 * {@code accumulate} included) and their data categories: checked against the campaign's
 * declaration when the rule set is built (P4), reported as {@code dataUsed} when the rule fires.
 */
record RuleFootprint(String rule, Set<Class<?>> factTypes, Set<DataCategory> categories) {

    static RuleFootprint of(Rule rule, Campaign campaign, List<String> problems) {
        Set<Class<?>> types = new LinkedHashSet<>();
        collect(((RuleImpl) rule).getLhs(), types);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (Class<?> type : types) {
            if (type == Season.class) continue; // campaign configuration, not personal data
            DataCategory category = Fact.categoryOf(type);
            if (category == null) {
                problems.add("rule '" + rule.getName() + "' of campaign '" + campaign.id() + "' matches "
                        + type.getSimpleName() + ", which is not a fact type a rule may read");
            } else if (!campaign.declares(category)) {
                problems.add("rule '" + rule.getName() + "' of campaign '" + campaign.id() + "' matches "
                        + type.getSimpleName() + " facts of category " + category
                        + ", which the campaign does not declare (minimisation)");
            } else {
                categories.add(category);
            }
        }
        return new RuleFootprint(rule.getName(), types, categories);
    }

    private static void collect(RuleConditionElement element, Set<Class<?>> types) {
        if (element == null) return;
        // the result pattern of accumulate/collect matches a number or a list, not a fact: only
        // the patterns inside the accumulation read facts
        if (element instanceof Pattern p && p.getObjectType() instanceof ClassObjectType t
                && !(p.getSource() instanceof Accumulate) && !(p.getSource() instanceof Collect)
                && !t.getClassName().contains("InitialFact")) {
            types.add(t.getClassType());
        }
        for (RuleConditionElement nested : new ArrayList<RuleConditionElement>(element.getNestedElements())) {
            if (nested != element) collect(nested, types);
        }
    }

    boolean reads(Class<?> type) {
        return factTypes.contains(type);
    }
}
