package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import kz.shlyuz.certs.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A person's mistake on the command line gets one line naming it and what is expected, and exit status 2. */
class CommandLineMistakesTest {
    @TempDir
    static Path data;

    private record Run(int exit, String err) {
        String[] lines() {
            return err.strip().split("\\R");
        }
    }

    @BeforeAll
    static void pki() {
        TestPki.copyTo(data.resolve("pki"));
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = ShlyuzCommand.commandLine(args);
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, err.toString());
    }

    private static Run call(String... extra) {
        String[] base = java.util.Arrays.asList(extra).contains("--gateway")
                ? new String[] {
                    "call", "--data", data.toString(), "--as", "egov-portal", "--service", "ADDRESS_CERTIFICATE"
                }
                : new String[] {
                    "call",
                    "--data",
                    data.toString(),
                    "--as",
                    "egov-portal",
                    "--service",
                    "ADDRESS_CERTIFICATE",
                    "--gateway",
                    "127.0.0.1:1"
                };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    @Test
    void aBodyWithAnUnknownFieldNamesTheFieldAndTheFieldsExpected() {
        Run run = call("--signer", "aidar-clean", "--body", "{\"inn\":\"900101300123\"}");
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
        assertTrue(run.err().startsWith("shlyuz call: --body: "), run.err());
        assertTrue(run.err().contains("inn"), run.err());
        assertTrue(run.err().contains("shlyuz.v1.AddressCertificateRequest with fields iin"), run.err());
    }

    @Test
    void aBodyThatIsNotJsonIsOneLine() {
        Run run = call("--signer", "aidar-clean", "--body", "{iin:");
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
        assertTrue(run.err().startsWith("shlyuz call: --body: "), run.err());
    }

    @Test
    void anUnknownSignerNamesTheKnownOnes() {
        Run run = call("--signer", "nobody-here", "--body", "{}");
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
        assertTrue(run.err().startsWith("shlyuz call: --signer: no identity nobody-here"), run.err());
        assertTrue(run.err().contains("aidar-clean"), run.err());
    }

    @Test
    void aMalformedDurationSaysWhatADurationLooksLike() {
        Run run = call("--signer", "aidar-clean", "--body", "{}", "--deadline", "ten seconds");
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
        assertTrue(run.err().contains("'ten seconds' is not a duration (expected: ISO-8601 such as PT10S"), run.err());
        assertTrue(run.err().contains("see 'shlyuz call --help'"), run.err());
    }

    @Test
    void aGatewayAddressWithoutAPortSaysHostAndPort() {
        Run run = call("--signer", "aidar-clean", "--body", "{}", "--gateway", "localhost");
        assertEquals(2, run.exit(), run.err());
        assertEquals(
                "shlyuz call: --gateway: 'localhost' (expected: HOST:PORT, e.g. 127.0.0.1:8443)",
                run.err().strip());
    }

    @Test
    void anUnreachableGatewayIsOneLineWithoutAStackTrace() {
        Run run = call("--signer", "aidar-clean", "--body", "{}", "--deadline", "2s");
        assertEquals(1, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
        assertTrue(run.err().startsWith("shlyuz call: the gateway is not reachable"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = call("--signer", "nobody-here", "--body", "{}", "--verbose");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.lines().length > 1, run.err());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void anUnknownOptionIsOneLine() {
        Run run = run("call", "--no-such-option");
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.lines().length, run.err());
    }
}
