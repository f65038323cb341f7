package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.vigie.engine.campaign.Campaign;
import org.drools.core.common.DefaultFactHandle;

/**
 * One compiled rule as the engine knows it: what it reads (its footprint), what it checks in a
 * citizen's words ({@code @description}), and when its text is in force ({@code @effective},
 * inclusive, and {@code @expires}, exclusive: the first day it no longer applies). Rules are
 * effective-dated against the reference date of the evaluation, never against the clock, so
 * both versions of a changed recommendation stay testable.
 */
record CompiledRule(Campaign campaign, String packageName, String name, String description, LocalDate effective, LocalDate expires,
                    RuleFootprint footprint, RuleGate gate) {

    static CompiledRule of(Rule rule, Campaign campaign, List<String> problems) {
        Map<String, Object> meta = rule.getMetaData();
        String where = "rule '" + rule.getName() + "' of campaign '" + campaign.id() + "'";
        String description = text(meta.get("description"));
        if (description == null || description.isBlank()) {
            problems.add(where + " needs @description(\"...\"): what it checks, in words a citizen reads");
        }
        LocalDate effective = date(meta.get("effective"), where, "@effective", problems);
        LocalDate expires = date(meta.get("expires"), where, "@expires", problems);
        if (effective != null && expires != null && !expires.isAfter(effective)) {
            problems.add(where + ": @expires " + expires + " must come after @effective " + effective);
        }
        return new CompiledRule(campaign, rule.getPackageName(), rule.getName(), description, effective, expires,
                RuleFootprint.of(rule, campaign, problems), RuleGate.of(rule));
    }

    /** Whether the rule can fire at all for this citizen, with these fact types present, on the reference date. */
    boolean mayFire(LocalDate on, DefaultFactHandle citizen, long present) {
        return inForceOn(on) && gate.mayFire(citizen, present);
    }

    /** The rule's name in its package: names are unique per campaign, packages per campaign too. */
    String key() {
        return packageName + "." + name;
    }

    /** Whether the rule's text applies on the reference date. */
    boolean inForceOn(LocalDate on) {
        return (effective == null || !on.isBefore(effective)) && (expires == null || on.isBefore(expires));
    }

    private static LocalDate date(Object value, String where, String tag, List<String> problems) {
        String text = text(value);
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + tag + "(\"" + text + "\") is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** Drools keeps the quotes of a metadata value written as a string literal. */
    private static String text(Object value) {
        if (value == null) return null;
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }
}
