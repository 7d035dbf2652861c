package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.gateway.config.ConsoleSettings;
import kz.shlyuz.gateway.console.auth.Accounts;
import kz.shlyuz.gateway.console.auth.Role;
import org.junit.jupiter.api.Test;

/** {@code ./shlyuz console hash}: what it prints is a hash the console's configuration accepts. */
class ConsoleHashCommandTest {
    /** One run with {@code stdin} as standard input: exit status and standard output. */
    private record Run(int status, String out) {}

    private static Run hash(String stdin, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "console";
        args[1] = "hash";
        System.arraycopy(options, 0, args, 2, options.length);
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int status = ShlyuzCommand.commandLine(args).execute(args);
            return new Run(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
    }

    @Test
    void printsAHashThatTheConsoleAcceptsForThatPasswordOnly() {
        Run run = hash("түнгі-кезекші-2026\n", "--cost", "10");
        assertEquals(0, run.status(), run.out());
        String printed = run.out().strip();
        assertTrue(printed.startsWith("$2b$10$"), printed);
        assertFalse(printed.contains("түнгі"), "the password is not echoed");
        Accounts accounts = new Accounts(List.of(new ConsoleSettings.Account("a.seitkali", "operator", printed)));
        assertEquals(Optional.of(Role.OPERATOR), accounts.authenticate("a.seitkali", "түнгі-кезекші-2026"));
        assertEquals(Optional.empty(), accounts.authenticate("a.seitkali", "түнгі-кезекші-2027"));
    }

    @Test
    void refusesAShortPasswordAndACostOutOfRangeAsUsageMistakes() {
        assertEquals(2, hash("short\n").status());
        assertEquals(2, hash("").status());
        assertEquals(2, hash("long-enough-password\n", "--cost", "4").status());
    }
}
