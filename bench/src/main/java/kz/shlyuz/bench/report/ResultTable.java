package kz.shlyuz.bench.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.shlyuz.bench.load.LatencyStats;

/**
 * Prints a scenario's rows as a fixed-width table, then the throughput ratios c/a and c/b and the
 * gateway's memory. Every figure in docs/BENCHMARKS.md comes from this output.
 */
public final class ResultTable {
    private static final String HEADER = String.format(
            Locale.ROOT,
            "%-44s %9s %7s %9s %9s %9s %9s",
            "column",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms");

    private ResultTable() {}

    public static void print(
            PrintStream out, String title, List<Row> rows, List<String> notes, Optional<MemoryFigures> memory) {
        out.println(title);
        out.println(HEADER);
        for (Row row : rows) {
            out.println(line(row));
        }
        for (String note : notes) {
            out.println("  " + note);
        }
        if (rows.stream().anyMatch(r -> r.role() == Role.DIRECT || r.role() == Role.PROXY)) {
            out.println(ratios(rows));
        }
        if (rows.stream().anyMatch(r -> r.cpuNanos() != null)) {
            out.println(String.format(
                    Locale.ROOT,
                    "CPU ms per answered call (/proc/PID/stat): %-10s %20s %8s %12s",
                    "",
                    Row.PROCESSES.get(0),
                    Row.PROCESSES.get(1),
                    Row.PROCESSES.get(2)));
            for (Row row : rows) {
                if (row.cpuNanos() != null) {
                    out.println(cpuLine(row));
                }
            }
        }
        memory.ifPresent(m -> out.println(memory(m)));
        out.flush();
    }

    static String line(Row row) {
        LatencyStats s = row.stats();
        return String.format(
                Locale.ROOT,
                "%-44s %9d %7d %9.1f %9s %9s %9s",
                "(" + row.role().letter() + ") " + s.label(),
                s.ok(),
                s.errors(),
                s.throughput(),
                millis(s.percentileMillis(50)),
                millis(s.percentileMillis(99)),
                millis(s.percentileMillis(99.9)));
    }

    static String cpuLine(Row row) {
        StringBuilder line = new StringBuilder(
                String.format(Locale.ROOT, "  (%s)%-54s", row.role().letter(), ""));
        int[] widths = {20, 8, 12};
        for (int i = 0; i < widths.length; i++) {
            long nanos = i < row.cpuNanos().size() ? row.cpuNanos().get(i) : -1;
            String cell = nanos < 0 || row.stats().ok() == 0
                    ? "-"
                    : String.format(
                            Locale.ROOT, "%.2f", nanos / 1e6 / row.stats().ok());
            line.append(' ').append(String.format(Locale.ROOT, "%" + widths[i] + "s", cell));
        }
        return line.toString();
    }

    /**
     * {@code ratios (req/s): c/a 0.42  c/b 0.61}, with "n/a" for a column that was not run, and
     * {@code d/a d/b} when the run has a batch-sealed column.
     */
    public static String ratios(List<Row> rows) {
        Optional<LatencyStats> c = find(rows, Role.SHLYUZ);
        String ratios = String.format(
                Locale.ROOT,
                "ratios (req/s): c/a %s  c/b %s",
                ratio(c, find(rows, Role.DIRECT)),
                ratio(c, find(rows, Role.PROXY)));
        Optional<LatencyStats> d = find(rows, Role.SHLYUZ_SEALED);
        if (d.isPresent()) {
            ratios += String.format(
                    Locale.ROOT,
                    "  d/a %s  d/b %s",
                    ratio(d, find(rows, Role.DIRECT)),
                    ratio(d, find(rows, Role.PROXY)));
        }
        return ratios;
    }

    static String memory(MemoryFigures m) {
        return String.format(
                Locale.ROOT,
                "gateway JVM (-Xmx%dm): peak heap used %s, peak heap committed %s, peak RSS (VmHWM) %s",
                m.maxHeapBytes() >> 20,
                mib(m.peakHeapUsedBytes()),
                mib(m.peakHeapCommittedBytes()),
                mib(m.peakRssBytes()));
    }

    private static Optional<LatencyStats> find(List<Row> rows, Role role) {
        return rows.stream().filter(r -> r.role() == role).map(Row::stats).findFirst();
    }

    private static String ratio(Optional<LatencyStats> numerator, Optional<LatencyStats> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.get().throughput() <= 0) {
            return "n/a";
        }
        return String.format(
                Locale.ROOT,
                "%.2f",
                numerator.get().throughput() / denominator.get().throughput());
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
