package org.vigie.engine.campaign;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every name of a campaign, derived from its id ({@code screen-breast}) so that one campaign has one
 * name: its file {@code vigie/campaigns/screen-breast.yaml}, its rule folder
 * {@code vigie/rules/screen-breast/} holding {@code screen-breast.drl} (or {@code .drl.csv}) and any
 * {@code screen-breast-<part>.drl}, its rule package {@code org.vigie.rules.screen_breast} and its
 * recommendation key {@code SCREEN_BREAST}. Building the shipped rule set checks each of them.
 */
public record CampaignNames(String id) {

    /** Where a rule base's rule folders live on the class path. */
    public static final String RULES = "vigie/rules/";

    private static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> RULE_SUFFIXES = List.of(".drl", ".drl.csv", ".drl.xls", ".drl.xlsx");

    /** The recommendation key: the id in upper case, '_' for '-' (the evaluation contract's name). */
    public String key() {
        return id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The package of the campaign's rules: '.' cannot stand for '-' (a segment may start with a digit). */
    public String rulePackage() {
        return "org.vigie.rules." + id.replace('-', '_');
    }

    public String campaignFile() {
        return CampaignCatalogue.LOCATION + id + ".yaml";
    }

    public String ruleFolder() {
        return RULES + id + "/";
    }

    /** Whether {@code path} is one of this campaign's rule files: {@code <folder>/<id>} or {@code <id>-<part>}, with a rule suffix. */
    public boolean isRuleFile(String path) {
        if (!path.startsWith(ruleFolder())) return false;
        String name = path.substring(ruleFolder().length());
        for (String suffix : RULE_SUFFIXES) {
            if (!name.endsWith(suffix)) continue;
            String base = name.substring(0, name.length() - suffix.length());
            return base.equals(id) || base.startsWith(id + "-") && PART.matcher(base.substring(id.length() + 1)).matches();
        }
        return false;
    }
}
