package kz.shlyuz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./shlyuz}: the gateway, its adapters and a client, in one command. */
@Command(name = "shlyuz", mixinStandardHelpOptions = true, version = "shlyuz 0.1.0",
        description = "Shlyuz — e-government integration gateway (ЭҮШ / ШЭП model).",
        subcommands = {ServeCommand.class, AdapterCommand.class, CallCommand.class, SubmitCommand.class,
                WatchCommand.class, DemoCommand.class, VerifyCommand.class, BenchCommand.class,
                DoctorCommand.class, MaintenanceCommand.class, ConfigCommand.class})
public final class ShlyuzCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(new CommandLine(new ShlyuzCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
