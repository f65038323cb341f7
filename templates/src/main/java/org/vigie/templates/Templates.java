package org.vigie.templates;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker templates under {@code vigie/templates/}, one configuration for all of them, and
 * the {@code msg(key, args…)} method that gives them the message bundle's wording.
 */
final class Templates {

    private static final Configuration FREEMARKER = configuration();

    private Templates() {
    }

    /** The template rendered over the model; a template that fails is a bug of this module, named in the exception. */
    static String render(String template, Map<String, Object> model, Locale locale) {
        try {
            StringWriter out = new StringWriter();
            FREEMARKER.getTemplate(template, locale).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the template " + template + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code msg("key", arg…)} in a template: the bundle's text for the key, with its arguments. */
    static TemplateMethodModelEx messages(Messages messages) {
        return messages(messages, Reader.HOLDER);
    }

    /** As {@link #messages(Messages)}, addressed to {@code reader} ({@link Messages#get(String, Reader, Object...)}). */
    static TemplateMethodModelEx messages(Messages messages, Reader reader) {
        return args -> {
            Object[] values = unwrap(args);
            Object[] rest = new Object[values.length - 1];
            System.arraycopy(values, 1, rest, 0, rest.length);
            return messages.get(String.valueOf(values[0]), reader, rest);
        };
    }

    /** A template method's arguments as plain Java values. */
    static Object[] unwrap(List<?> args) throws TemplateModelException {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) values[i] = DeepUnwrap.unwrap((TemplateModel) args.get(i));
        return values;
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "vigie/templates");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setLocalizedLookup(false);
        return c;
    }
}
