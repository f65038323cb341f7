package org.vigie.platform.criteria;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.cli.Command;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.cli.ExitStatus;
import org.vigie.platform.cli.Options;
import org.vigie.templates.CriteriaCatalogue;

/**
 * {@code criteria [--on YYYY-MM-DD]}: prints the criteria catalogue of the shipped rule set as
 * Markdown, as in force on the day given (today by default).
 */
public final class CriteriaCommand implements Command {

    private static final String SYNOPSIS = "criteria [--on YYYY-MM-DD]";

    private final Supplier<RuleSet> ruleSet;
    private final Clock clock;

    /** @param clock gives today's date, the default day */
    public CriteriaCommand(Supplier<RuleSet> ruleSet, Clock clock) {
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @Override
    public String synopsis() {
        return SYNOPSIS;
    }

    @Override
    public String summary() {
        return "Prints the criteria catalogue in force on a day (who is concerned, the season, what is checked, which data) as Markdown.";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        LocalDate on;
        try {
            Options options = Options.parse("criteria", SYNOPSIS, args, Options.Accepted.values("--on"));
            on = CatalogueDay.of("--on", options.text("--on").orElse(null), clock);
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return ExitStatus.FAILURE;
        } catch (InvalidInputException e) {
            err.println("criteria: " + e.getMessage() + " (usage: " + SYNOPSIS + ")");
            return ExitStatus.FAILURE;
        }
        try (RuleSet rules = ruleSet.get()) {
            // bytes, not print(): the catalogue is UTF-8 whatever the platform's default charset
            out.writeBytes(CriteriaCatalogue.markdown(rules.id(), on, rules.criteria(on), Locale.FRENCH)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return ExitStatus.OK;
    }
}
