package kz.shlyuz.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.shlyuz.gateway.ops.config.ConfigSources;
import kz.shlyuz.gateway.ops.config.StartupChecks;
import kz.shlyuz.gateway.ops.health.WeakenedChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./shlyuz config check FILE}: validates a configuration and prints the one in effect. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Configuration tools.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: shlyuz config check FILE");
    }

    /**
     * Validates FILE with the environment's {@code SHLYUZ_*} overrides laid on it, prints the
     * effective configuration with secrets masked, the variables used, and every weakened check.
     * Exit 0 when it would start, 1 when it would not.
     */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validate FILE (with SHLYUZ_* environment overrides) and print the effective configuration.")
    static final class Check implements Callable<Integer> {
        @Parameters(
                index = "0",
                paramLabel = "FILE",
                arity = "0..1",
                description = "Configuration file (JSON); none: the shipped defaults.")
        Path file;

        @Override
        public Integer call() {
            ConfigSources.Effective effective;
            try {
                effective = ConfigSources.load(file, System.getenv(), null);
            } catch (RuntimeException e) {
                System.out.println("INVALID: " + e.getMessage());
                return 1;
            }
            System.out.println(ConfigSources.pretty(ConfigSources.masked(effective.config())));
            effective
                    .applied()
                    .forEach((name, path) -> System.out.println("from environment: " + name + " -> " + path));
            effective.ignored().forEach(name -> System.out.println("ignored: " + name + " names no configuration key"));
            for (String note : StartupChecks.notes(effective.config())) {
                System.out.println("NOTE: " + note);
            }
            for (WeakenedChecks.Weakened w : WeakenedChecks.of(effective.config())) {
                System.out.println("WARNING weakened check " + w);
            }
            List<String> errors = StartupChecks.errors(effective.config());
            for (String error : errors) {
                System.out.println("INVALID: " + error);
            }
            if (errors.isEmpty()) {
                System.out.println("OK: " + (file == null ? "the shipped defaults" : file) + " is valid");
            }
            return errors.isEmpty() ? 0 : 1;
        }
    }
}
