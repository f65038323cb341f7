package org.vigie.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
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
 * What must hold before a rule can fire at all, read from its compiled conditions: which fact types
 * it needs (a pattern needs its type present; {@code and} needs all, {@code or} any, {@code exists}
 * its content, also in the double negations Drools turns them into; {@code not}, {@code accumulate},
 * {@code from} need nothing), and the constraints of
 * its top-level {@code Citizen} pattern that read the citizen alone (age, sex…). When no rule of a
 * group can fire for a citizen, the group's session is not used at all: most citizens are outside
 * most campaigns' age bands, seasons and risk groups. The gate only ever skips work that could not
 * match; anything it cannot read (a constraint that fails to evaluate, say) leaves the rule open.
 */
record RuleGate(Need needs, List<AlphaNodeFieldConstraint> citizenConstraints) {

    /** A condition on which fact types are present, as a {@link FactTypes} mask. */
    sealed interface Need {
        boolean possible(long present);
    }

    record Always() implements Need {
        public boolean possible(long present) {
            return true;
        }
    }

    record TypePresent(long bit) implements Need {
        public boolean possible(long present) {
            return (present & bit) != 0;
        }
    }

    record AllOf(List<Need> needs) implements Need {
        public boolean possible(long present) {
            for (Need n : needs) if (!n.possible(present)) return false;
            return true;
        }
    }

    record AnyOf(List<Need> needs) implements Need {
        public boolean possible(long present) {
            for (Need n : needs) if (n.possible(present)) return true;
            return false;
        }
    }

    private static final Need ALWAYS = new Always();

    static RuleGate of(Rule rule) {
        GroupElement lhs = ((RuleImpl) rule).getLhs();
        List<AlphaNodeFieldConstraint> citizen = new ArrayList<>();
        if (lhs.isAnd()) {
            for (RuleConditionElement child : lhs.getChildren()) {
                if (child instanceof Pattern p && p.getSource() == null && p.getObjectType() instanceof ClassObjectType t
                        && t.getClassType() == Citizen.class) {
                    for (Constraint c : p.getConstraints()) {
                        if (c.getType() == Constraint.ConstraintType.ALPHA && c instanceof AlphaNodeFieldConstraint alpha) {
                            citizen.add(alpha);
                        }
                    }
                }
            }
        }
        return new RuleGate(needs(lhs), List.copyOf(citizen));
    }

    private static Need needs(RuleConditionElement element) {
        if (element instanceof Pattern p) {
            if (p.getSource() != null || !(p.getObjectType() instanceof ClassObjectType t)) return ALWAYS;
            long bit = FactTypes.bit(t.getClassType());
            return bit == 0 ? ALWAYS : new TypePresent(bit);
        }
        if (element instanceof GroupElement g) {
            if (g.isNot()) return negated(g);
            List<Need> children = new ArrayList<>();
            for (RuleConditionElement child : g.getChildren()) children.add(needs(child));
            if (g.isOr()) {
                return children.contains(ALWAYS) ? ALWAYS : new AnyOf(List.copyOf(children));
            }
            // and, exists: every child is needed
            children.removeIf(n -> n == ALWAYS);
            return children.isEmpty() ? ALWAYS : children.size() == 1 ? children.get(0) : new AllOf(List.copyOf(children));
        }
        return ALWAYS; // eval, forall, accumulate, queries: not read, left open
    }

    /**
     * A negation needs nothing, except in the shapes Drools gives {@code exists} and {@code or}:
     * {@code not(not X)} needs what X needs, and {@code not(not A and not B)} (that is, A or B) needs
     * what A or B needs.
     */
    private static Need negated(GroupElement not) {
        if (not.getChildren().size() != 1) return ALWAYS;
        RuleConditionElement inner = not.getChildren().get(0);
        if (inner instanceof GroupElement g && g.isNot() && g.getChildren().size() == 1) {
            return needs(g.getChildren().get(0));
        }
        if (inner instanceof GroupElement and && and.isAnd() && !and.getChildren().isEmpty()) {
            List<Need> alternatives = new ArrayList<>();
            for (RuleConditionElement child : and.getChildren()) {
                if (!(child instanceof GroupElement n && n.isNot() && n.getChildren().size() == 1)) return ALWAYS;
                Need need = needs(n.getChildren().get(0));
                if (need == ALWAYS) return ALWAYS;
                alternatives.add(need);
            }
            return new AnyOf(List.copyOf(alternatives));
        }
        return ALWAYS;
    }

    /**
     * False only when the rule cannot match: the fact types in {@code present} (a {@link FactTypes}
     * mask) cannot satisfy it, or the citizen (a handle on the {@code Citizen}) fails its own constraints.
     */
    boolean mayFire(DefaultFactHandle citizen, long present) {
        if (!needs.possible(present)) return false;
        for (AlphaNodeFieldConstraint constraint : citizenConstraints) {
            try {
                if (!constraint.isAllowed(citizen, null)) return false;
            } catch (RuntimeException e) {
                return true; // cannot tell here: let Drools decide
            }
        }
        return true;
    }
}
