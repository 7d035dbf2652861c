package kz.shlyuz.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import kz.shlyuz.gateway.console.auth.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./shlyuz console hash}: the tools an operator needs to set up the console's accounts. */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = "Operator console tools.",
        subcommands = ConsoleCommand.Hash.class)
final class ConsoleCommand extends CommandGroup {

    /**
     * Reads a password from standard input (one line) and prints its bcrypt hash for the
     * configuration's {@code console.accounts[].passwordHash}. The password is never an argument:
     * arguments show in {@code ps} and in the shell's history.
     */
    @Command(
            name = "hash",
            mixinStandardHelpOptions = true,
            description =
                    "Read a password from standard input; print its bcrypt hash for console.accounts[].passwordHash.")
    static final class Hash implements Callable<Integer> {
        /** Below this a password is refused: the console is reachable by every operator's browser. */
        static final int MIN_LENGTH = 12;

        @Option(
                names = "--cost",
                defaultValue = "12",
                description = "bcrypt cost, 10 to 16 (default: ${DEFAULT-VALUE}, the shipped accounts' cost).")
        int cost;

        @Override
        public Integer call() throws IOException {
            if (cost < 10 || cost > 16) {
                throw new UsageError("--cost " + cost + ": expected 10 to 16");
            }
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.length() < MIN_LENGTH) {
                throw new UsageError("the password on standard input must be at least " + MIN_LENGTH
                        + " characters (e.g. printf '%s\\n' \"$PASSWORD\" | ./shlyuz console hash)");
            }
            System.out.println(Accounts.hash(password, cost));
            return 0;
        }
    }
}
