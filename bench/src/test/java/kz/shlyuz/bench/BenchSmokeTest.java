package kz.shlyuz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.bench.env.NginxRelay;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import org.junit.jupiter.api.Test;

/** The whole harness for about two seconds of load at low concurrency: real adapter, gateway JVM, nginx if installed. */
class BenchSmokeTest {

    @Test
    void shortRunPrintsDirectRelayAndShlyuzColumnsWithRatiosAndGatewayMemory() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options =
                new BenchOptions("sync-rsa", 2, Duration.ofMillis(600), Duration.ofMillis(200), 5_000, true, false, 1);
        List<Row> rows = Bench.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        boolean nginx = NginxRelay.executable().isPresent();
        assertEquals(
                nginx
                        ? List.of(Role.DIRECT, Role.PROXY, Role.SHLYUZ, Role.SHLYUZ_SEALED)
                        : List.of(Role.DIRECT, Role.SHLYUZ, Role.SHLYUZ_SEALED),
                rows.stream().map(Row::role).toList(),
                out);
        for (Row row : rows) {
            assertTrue(row.stats().ok() > 0, row + "\n" + out);
            assertEquals(0, row.stats().errors(), out);
        }
        assertTrue(out.contains("\n(a) adapter gbd-fl direct "), out);
        assertTrue(
                out.contains(nginx ? "\n(b) nginx grpc_pass -> adapter " : "(b) not run: nginx is not installed"), out);
        assertTrue(out.contains("\n(c) Shlyuz Gateway/Call (signed) "), out);
        assertTrue(out.contains("\n(d) Shlyuz Gateway/Call (signed, batch seal) "), out);
        assertTrue(
                out.matches("(?s).*\nratios \\(req/s\\): c/a \\d+\\.\\d\\d  c/b (\\d+\\.\\d\\d|n/a)"
                        + "  d/a \\d+\\.\\d\\d  d/b (\\d+\\.\\d\\d|n/a)\n.*"),
                out);
        assertTrue(
                out.matches("(?s).*\ngateway JVM \\(-Xmx256m\\): peak heap used \\d+\\.\\d MiB, .*"
                        + "peak RSS \\(VmHWM\\) \\d+\\.\\d MiB.*"),
                out);
    }
}
