package kz.shlyuz.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.bench.load.LatencyStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static LatencyStats stats(String label, long ok, double seconds, long... micros) {
        Histogram h = LatencyStats.newHistogram();
        for (long m : micros) {
            h.recordValue(m);
        }
        return new LatencyStats(label, ok, 0, (long) (seconds * 1e9), h, null);
    }

    @Test
    void ratiosDivideShlyuzThroughputByEachBaseline() {
        List<Row> rows = List.of(
                new Row(Role.DIRECT, stats("direct", 1000, 1.0, 1000)),
                new Row(Role.PROXY, stats("proxy", 800, 1.0, 1000)),
                new Row(Role.SHLYUZ, stats("shlyuz", 400, 1.0, 1000)));
        assertEquals("ratios (req/s): c/a 0.40  c/b 0.50", ResultTable.ratios(rows));
    }

    @Test
    void missingRelayColumnPrintsNotApplicableForItsRatio() {
        List<Row> rows = List.of(
                new Row(Role.DIRECT, stats("direct", 900, 2.0, 1000)),
                new Row(Role.SHLYUZ, stats("shlyuz", 300, 2.0, 1000)));
        assertEquals("ratios (req/s): c/a 0.33  c/b n/a", ResultTable.ratios(rows));
    }

    @Test
    void rowShowsThroughputAndPercentilesInMilliseconds() {
        long[] latencies = new long[1000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (i + 1) * 10L; // 10 µs … 10 ms, evenly
        }
        String line = ResultTable.line(new Row(Role.SHLYUZ, stats("Shlyuz", 1000, 4.0, latencies)));
        assertTrue(line.startsWith("(c) Shlyuz "), line);
        String[] cells = line.substring(44).trim().split("\\s+");
        assertEquals("1000", cells[0]);
        assertEquals("0", cells[1]);
        assertEquals("250.0", cells[2]);
        assertEquals(5.0, Double.parseDouble(cells[3]), 0.01);
        assertEquals(9.9, Double.parseDouble(cells[4]), 0.01);
        assertEquals(9.99, Double.parseDouble(cells[5]), 0.01);
    }

    @Test
    void cpuLineDividesEachProcesssCpuByTheAnsweredCalls() {
        Row row = new Row(Role.SHLYUZ, stats("c", 200, 1.0, 1000), List.of(100_000_000L, -1L, 300_000_000L));
        String[] cells = ResultTable.cpuLine(row).trim().split("\\s+");
        assertEquals(List.of("(c)", "0.50", "-", "1.50"), List.of(cells));
    }

    @Test
    void emptyHistogramPrintsDashesNotZeroes() {
        String line = ResultTable.line(new Row(
                Role.PROXY,
                new LatencyStats("relay", 0, 5, 1_000_000_000L, LatencyStats.newHistogram(), "UNAVAILABLE")));
        assertTrue(line.endsWith("        -         -         -"), line);
    }

    @Test
    void tablePrintsHeaderRowsNotesRatiosAndGatewayMemory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "scenario x",
                List.of(new Row(Role.DIRECT, stats("a", 10, 1, 500)), new Row(Role.SHLYUZ, stats("c", 5, 1, 900))),
                List.of("(b) not run: nginx is not installed"),
                Optional.of(new MemoryFigures(100L << 20, 200L << 20, 256L << 20, 300L << 20)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("scenario x", lines[0]);
        assertTrue(lines[1].startsWith("column") && lines[1].contains("p99.9 ms"), lines[1]);
        assertTrue(lines[2].startsWith("(a) a"), lines[2]);
        assertTrue(lines[3].startsWith("(c) c"), lines[3]);
        assertEquals("  (b) not run: nginx is not installed", lines[4]);
        assertEquals("ratios (req/s): c/a 0.50  c/b n/a", lines[5]);
        assertEquals(
                "gateway JVM (-Xmx256m): peak heap used 100.0 MiB, peak heap committed 200.0 MiB, "
                        + "peak RSS (VmHWM) 300.0 MiB",
                lines[6]);
    }
}
