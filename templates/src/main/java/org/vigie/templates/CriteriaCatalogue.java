package org.vigie.templates;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final Configuration FREEMARKER = configuration();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CriteriaCatalogue() {
    }

    public static String markdown(String ruleSet, List<CampaignCriteria> campaigns, Locale locale) {
        Messages messages = Messages.of(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("ruleSet", ruleSet);
        model.put("campaigns", campaigns);
        model.put("msg", (TemplateMethodModelEx) args -> {
            Object[] values = unwrap(args);
            Object[] rest = new Object[values.length - 1];
            System.arraycopy(values, 1, rest, 0, rest.length);
            return messages.get(String.valueOf(values[0]), rest);
        });
        model.put("date", (TemplateMethodModelEx) args -> ((LocalDate) unwrap(args)[0]).format(DATE));
        try {
            StringWriter out = new StringWriter();
            FREEMARKER.getTemplate("criteria.md.ftl", locale).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the criteria template failed: " + e.getMessage(), e);
        }
    }

    private static Object[] unwrap(List<?> args) throws TemplateModelException {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
        }
        return values;
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(CriteriaCatalogue.class.getClassLoader(), "vigie/templates");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setLocalizedLookup(false);
        return c;
    }
}
