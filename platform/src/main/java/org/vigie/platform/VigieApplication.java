package org.vigie.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.platform.bench.BenchCommand;
import org.vigie.platform.bench.DeliveryBench;
import org.vigie.platform.bench.SweepBenchCommand;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.CommandLine;
import org.vigie.platform.cli.EvaluateCommand;
import org.vigie.platform.criteria.CriteriaCommand;
import org.vigie.platform.demo.DemoCommand;
import org.vigie.platform.evaluation.TimeSettings;
import org.vigie.platform.ingestion.IngestCommand;
import org.vigie.platform.population.GenerateCommand;
import org.vigie.platform.population.SnapshotsCommand;

/**
 * Vigie's single entry point. A subcommand ({@code evaluate}, {@code bench}, ...) runs without
 * any Spring context, web server or database; without one, the server starts.
 */
@SpringBootApplication
public class VigieApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.runFromMain(args, VigieApplication::commands));
        }
        SpringApplication.run(VigieApplication.class, args);
    }

    /**
     * The command line's subcommands; the clock is read here, at the edge, and nowhere deeper, in the
     * server's one zone of "today" ({@code vigie.time-zone}).
     */
    static List<Command> commands() {
        Clock clock = TimeSettings.commandLineClock();
        return List.of(
                new EvaluateCommand(RuleSetManifest::loadDefault, clock),
                new CriteriaCommand(RuleSetManifest::loadDefault, clock),
                new IngestCommand((synopsis, summary, action) -> ContextCommand.of(synopsis, summary, action::run)),
                BenchCommand.command((synopsis, summary, action) -> ContextCommand.of(synopsis, summary, action::run)),
                ContextCommand.of(GenerateCommand.SYNOPSIS, GenerateCommand.SUMMARY, GenerateCommand::run),
                SnapshotsCommand.command(clock),
                DeliveryBench.command((synopsis, summary, action) -> ContextCommand.of(synopsis, summary, action::run)),
                withDefaults(ContextCommand.of(SweepBenchCommand.SYNOPSIS, SweepBenchCommand.SUMMARY, SweepBenchCommand::run),
                        SweepBenchCommand.DEFAULTS),
                Command.of(DemoCommand.SYNOPSIS, DemoCommand.SUMMARY, (args, in, out, err) -> DemoCommand.run(VigieApplication.class, args, out, err)));
    }

    /** The command with Spring settings of its own, given before the caller's. */
    private static Command withDefaults(Command command, List<String> defaults) {
        return Command.of(command.synopsis(), command.summary(), (args, in, out, err) -> {
            List<String> all = new ArrayList<>(defaults);
            all.addAll(args);
            return command.run(all, in, out, err);
        });
    }
}
