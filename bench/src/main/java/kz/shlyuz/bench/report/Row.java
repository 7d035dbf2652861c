package kz.shlyuz.bench.report;

import java.util.List;
import kz.shlyuz.bench.load.LatencyStats;

/**
 * One printed row: a column's role, its measured phase and, when known, the CPU each process
 * used during it (nanoseconds; -1 where unknown): the load JVM (client and adapter), nginx and
 * the gateway JVM.
 */
public record Row(Role role, LatencyStats stats, List<Long> cpuNanos) {
    public Row {
        cpuNanos = cpuNanos == null ? null : List.copyOf(cpuNanos);
    }

    public static final List<String> PROCESSES = List.of("client+adapter JVM", "nginx", "gateway JVM");

    public Row(Role role, LatencyStats stats) {
        this(role, stats, null);
    }
}
