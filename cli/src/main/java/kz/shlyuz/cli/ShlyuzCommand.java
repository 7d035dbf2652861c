package kz.shlyuz.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ./shlyuz}: the gateway, its adapters and a client, in one command. */
@Command(
        name = "shlyuz",
        mixinStandardHelpOptions = true,
        version = "shlyuz 0.1.0",
        description = "Shlyuz — e-government integration gateway (ЭҮШ / ШЭП model).",
        subcommands = {
            ServeCommand.class,
            ClusterCommand.class,
            AdapterCommand.class,
            CallCommand.class,
            SubmitCommand.class,
            WatchCommand.class,
            DemoCommand.class,
            VerifyCommand.class,
            BenchCommand.class,
            JournalCommand.class,
            EvidenceCommand.class,
            RegistersCommand.class,
            DoctorCommand.class,
            MaintenanceCommand.class,
            ConfigCommand.class,
            ConsoleCommand.class
        })
public final class ShlyuzCommand extends CommandGroup {
    /** The option that adds stack traces to error lines; every subcommand accepts it. */
    static final String VERBOSE = "--verbose";

    @Option(
            names = VERBOSE,
            scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (default: one line saying what was wrong).")
    boolean verbose;

    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(commandLine(args).execute(args));
    }

    /** The command line as {@code ./shlyuz} runs it: every subcommand, its converters and its error answers. */
    static CommandLine commandLine(String... args) {
        CommandLine line = new CommandLine(new ShlyuzCommand());
        line.registerConverter(Duration.class, new Durations());
        return Errors.install(line, args);
    }
}
