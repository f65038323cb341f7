package org.vigie.templates;

import freemarker.template.TemplateMethodModelEx;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigie.engine.evaluation.CampaignCriteria;

/**
 * Renders the criteria catalogue (P5) as Markdown for citizens and committee members, as in force
 * on one day: for every campaign, who is concerned, its season that day (or when the next opens,
 * and that none is open in the next 60 days), what each rule in force checks, and which data are used. Everything comes from the rule set
 * and the campaign files; the wording around it comes from the message bundle.
 */
public final class CriteriaCatalogue {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CriteriaCatalogue() {
    }

    /** {@code campaigns} as given by {@code RuleSet.criteria(on)}. */
    public static String markdown(String ruleSet, LocalDate on, List<CampaignCriteria> campaigns, Locale locale) {
        Messages messages = Messages.of(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("ruleSet", ruleSet);
        model.put("on", on);
        model.put("campaigns", campaigns);
        model.put("msg", Templates.messages(messages));
        model.put("date", (TemplateMethodModelEx) args -> ((LocalDate) Templates.unwrap(args)[0]).format(DATE));
        return Templates.render("criteria.md.ftl", model, locale);
    }
}
