package kz.shlyuz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.bench.report.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code --scenario ops-cost} for about a second: both gateway JVMs answer every call, and the
 * gateway's CPU per call is printed for each beside their difference. The figures themselves are
 * for a quiet machine; this only checks that they are measured and shown.
 */
class OpsCostSmokeTest {
    @Test
    void printsGatewayCpuPerCallWithAndWithoutOperations() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options =
                new BenchOptions("ops-cost", 2, Duration.ofMillis(800), Duration.ofMillis(200), 5_000, false, false, 1);
        List<Row> rows = Bench.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, rows.size(), out);
        rows.forEach(r -> assertTrue(r.stats().ok() > 0 && r.stats().errors() == 0, r + "\n" + out));
        assertTrue(out.contains("operations on (metrics, JSON logs, tracing off)"), out);
        assertTrue(out.contains("operations off (no metrics, text logs)"), out);
        assertTrue(out.matches("(?s).*difference: [+-]\\d+\\.\\d % of the gateway's CPU per call.*"), out);
    }
}
