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
 * Renders the criteria catalogue (P5) as Markdown for citizens: for every campaign, who is
 * concerned, what each rule checks, and which data are used. Everything comes from the rule set
 * and the campaign files; the wording around it comes from the message bundle.
 */
public final class CriteriaCatalogue {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CriteriaCatalogue() {
    }

    public static String markdown(String ruleSet, List<CampaignCriteria> campaigns, Locale locale) {
        Messages messages = Messages.of(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("ruleSet", ruleSet);
        model.put("campaigns", campaigns);
        model.put("msg", Templates.messages(messages));
        model.put("date", (TemplateMethodModelEx) args -> ((LocalDate) Templates.unwrap(args)[0]).format(DATE));
        return Templates.render("criteria.md.ftl", model, locale);
    }
}
