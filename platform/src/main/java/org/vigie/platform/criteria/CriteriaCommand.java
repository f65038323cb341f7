package org.vigie.platform.criteria;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.ExitStatus;
import org.vigie.templates.CriteriaCatalogue;

/** {@code criteria}: prints the criteria catalogue of the shipped rule set as Markdown. */
public final class CriteriaCommand implements Command {

    private final Supplier<RuleSet> ruleSet;

    public CriteriaCommand(Supplier<RuleSet> ruleSet) {
        this.ruleSet = ruleSet;
    }

    @Override
    public String synopsis() {
        return "criteria";
    }

    @Override
    public String summary() {
        return "Prints the criteria catalogue (who is concerned, what is checked, which data) as Markdown.";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("vigie criteria: takes no argument (got '" + args.get(0) + "')");
            return ExitStatus.FAILURE;
        }
        try (RuleSet rules = ruleSet.get()) {
            // bytes, not print(): the catalogue is UTF-8 whatever the platform's default charset
            out.writeBytes(CriteriaCatalogue.markdown(rules.id(), rules.criteria(), Locale.FRENCH)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return ExitStatus.OK;
    }
}
