package org.vigie.engine.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.common.DefaultFactHandle;
import org.kie.api.definition.rule.Rule;
import org.vigie.engine.fact.Citizen;

/**
 * What must hold before a rule can fire at all, read from its compiled conditions: the fact types
 * it requires at top level (a plain pattern or an {@code exists}), and the constraints of its
 * {@code Citizen} pattern that read the citizen alone (age, sex…). When no rule of a group can
 * fire for a citizen, the group's session is not used at all: most citizens are outside most
 * campaigns' age bands and seasons. The gate only ever skips work that could not match; anything
 * it cannot read (an {@code or} at the root, a constraint that fails to evaluate) leaves the rule open.
 */
record RuleGate(long requiredTypes, List<AlphaNodeFieldConstraint> citizenConstraints) {

    static final RuleGate OPEN = new RuleGate(0L, List.of());

    static RuleGate of(Rule rule) {
        GroupElement lhs = ((RuleImpl) rule).getLhs();
        if (!lhs.isAnd()) return OPEN;
        Set<Class<?>> required = new LinkedHashSet<>();
        List<AlphaNodeFieldConstraint> citizen = new ArrayList<>();
        for (RuleConditionElement child : lhs.getChildren()) {
            Pattern pattern = child instanceof Pattern p ? p
                    : child instanceof GroupElement g && g.isExists() && g.getChildren().size() == 1
                            && g.getChildren().get(0) instanceof Pattern p ? p : null;
            if (pattern == null || pattern.getSource() != null
                    || !(pattern.getObjectType() instanceof ClassObjectType type)
                    || type.getClassName().contains("InitialFact")) continue;
            required.add(type.getClassType());
            if (type.getClassType() == Citizen.class && child instanceof Pattern) {
                for (Constraint c : pattern.getConstraints()) {
                    if (c.getType() == Constraint.ConstraintType.ALPHA && c instanceof AlphaNodeFieldConstraint alpha) {
                        citizen.add(alpha);
                    }
                }
            }
        }
        return new RuleGate(FactTypes.mask(required), List.copyOf(citizen));
    }

    /**
     * False only when the rule cannot match: a required type is absent from {@code present} (a
     * {@link FactTypes} mask), or the citizen (a handle on the {@code Citizen}) fails its own constraints.
     */
    boolean mayFire(DefaultFactHandle citizen, long present) {
        if ((present & requiredTypes) != requiredTypes) return false;
        if (citizenConstraints.isEmpty()) return true;
        DefaultFactHandle handle = citizen;
        for (AlphaNodeFieldConstraint constraint : citizenConstraints) {
            try {
                if (!constraint.isAllowed(handle, null)) return false;
            } catch (RuntimeException e) {
                return true; // cannot tell here: let Drools decide
            }
        }
        return true;
    }
}
