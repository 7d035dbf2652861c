package kz.shlyuz.bench.scenario;

import java.sql.SQLException;
import java.util.List;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.MachineCpu;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.env.ThreadCpu;
import kz.shlyuz.bench.env.ThrowawayPostgres;

/**
 * What measured windows cost: the database's commits and statements, and the CPU of the gateway
 * nodes, of PostgreSQL (-1 when a reading failed), of this JVM (the load generator and the
 * adapters) and of the whole machine, and the gateways' and this JVM's CPU by kind of thread.
 * Read once before a window and once after; {@link #since} gives the window's, {@link #plus} adds
 * windows up.
 */
record WindowCost(
        ThrowawayPostgres.Work work,
        long gatewayNanos,
        long pgNanos,
        long benchNanos,
        MachineCpu machine,
        ThreadCpu gatewayThreads,
        ThreadCpu benchThreads) {
    static final WindowCost NONE = new WindowCost(
            new ThrowawayPostgres.Work(0, 0), 0, 0, 0, new MachineCpu(0, 0), ThreadCpu.NONE, ThreadCpu.NONE);

    /** The totals so far. */
    static WindowCost now(ThrowawayPostgres pg, List<GatewayProcess> nodes) throws SQLException {
        long gateway = nodes.stream()
                .mapToLong(node -> ProcessCpu.nanos(node.process(), false))
                .sum();
        ThreadCpu threads =
                nodes.stream().map(node -> ThreadCpu.of(node.process().pid())).reduce(ThreadCpu.NONE, ThreadCpu::plus);
        return new WindowCost(
                pg.work(),
                gateway,
                pg.cpuNanos(),
                ProcessCpu.nanos(ProcessHandle.current(), false),
                MachineCpu.now(),
                threads,
                ThreadCpu.of(ProcessHandle.current().pid()));
    }

    WindowCost since(WindowCost earlier) {
        return new WindowCost(
                work.minus(earlier.work),
                gatewayNanos - earlier.gatewayNanos,
                pgNanos < 0 || earlier.pgNanos < 0 ? -1 : pgNanos - earlier.pgNanos,
                benchNanos - earlier.benchNanos,
                machine.since(earlier.machine),
                gatewayThreads.since(earlier.gatewayThreads),
                benchThreads.since(earlier.benchThreads));
    }

    WindowCost plus(WindowCost other) {
        return new WindowCost(
                work.plus(other.work),
                gatewayNanos + other.gatewayNanos,
                pgNanos < 0 || other.pgNanos < 0 ? -1 : pgNanos + other.pgNanos,
                benchNanos + other.benchNanos,
                machine.plus(other.machine),
                gatewayThreads.plus(other.gatewayThreads),
                benchThreads.plus(other.benchThreads));
    }
}
