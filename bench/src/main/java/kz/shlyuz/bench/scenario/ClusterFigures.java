package kz.shlyuz.bench.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;

/** What one topology of {@link ClusterScenario} did over all its rounds, and the table that prints both. */
final class ClusterFigures {

    LatencyStats submits;
    LatencyStats calls;
    long cases;
    double caseSeconds;
    ThrowawayPostgres.Work submitWork = new ThrowawayPostgres.Work(0, 0);
    ThrowawayPostgres.Work callWork = new ThrowawayPostgres.Work(0, 0);
    long submitCpuNanos;
    long callCpuNanos;

    static List<Row> report(ClusterFigures[] figures, String description, PrintStream out) {
        out.println();
        out.println("scenario cluster-pg: " + description);
        out.printf(
                Locale.ROOT,
                "  %-10s %9s %9s %8s %10s %11s %9s %8s %10s %9s%n",
                "",
                "acks/s",
                "cases/s",
                "commits",
                "statements",
                "CPU ms",
                "calls/s",
                "commits",
                "statements",
                "CPU ms");
        out.printf(
                Locale.ROOT,
                "  %-10s %9s %9s %8s %10s %11s %9s %8s %10s %9s%n",
                "",
                "(submit)",
                "finished",
                "per case",
                "per case",
                "per case",
                "(sealed)",
                "per call",
                "per call",
                "per call");
        List<Row> rows = new ArrayList<>();
        double[] acks = new double[2];
        double[] sealed = new double[2];
        for (int t = 0; t < 2; t++) {
            ClusterFigures f = figures[t];
            acks[t] = f.submits.throughput();
            sealed[t] = f.calls.throughput();
            long cases = Math.max(1, f.cases);
            long calls = Math.max(1, f.calls.ok());
            out.printf(
                    Locale.ROOT,
                    "  %-10s %9.1f %9.1f %8.2f %10.1f %11.2f %9.1f %8.2f %10.1f %9.2f%n",
                    ClusterScenario.TOPOLOGIES[t],
                    acks[t],
                    f.cases / Math.max(1e-9, f.caseSeconds),
                    (double) f.submitWork.commits() / cases,
                    (double) f.submitWork.statements() / cases,
                    f.submitCpuNanos / 1e6 / cases,
                    sealed[t],
                    (double) f.callWork.commits() / calls,
                    (double) f.callWork.statements() / calls,
                    f.callCpuNanos / 1e6 / calls);
            out.printf(
                    Locale.ROOT,
                    "  %-10s submits: %d acknowledged, %d errors, p99 %.2f ms; sealed calls: %d answered, %d errors, "
                            + "p99 %.2f ms%n",
                    "",
                    f.submits.ok(),
                    f.submits.errors(),
                    f.submits.percentileMillis(99),
                    f.calls.ok(),
                    f.calls.errors(),
                    f.calls.percentileMillis(99));
            rows.add(new Row(Role.SHLYUZ, f.submits));
            rows.add(new Row(Role.SHLYUZ, f.calls));
        }
        out.printf(
                Locale.ROOT,
                "  two nodes / one node: acknowledgements %+.1f %%, sealed calls %+.1f %% (target: within 10 %%: "
                        + "both nodes share this machine's cores, so this is the cost of coordinating)%n",
                (acks[1] - acks[0]) / acks[0] * 100,
                (sealed[1] - sealed[0]) / sealed[0] * 100);
        out.println("  acks/s is measured while the acknowledged cases run meanwhile on the same cores (their agency "
                + "calls, step results and status messages); per-case figures include that work up to the case's end, "
                + "and the statements of the bench's own counting queries (a few per phase).");
        return rows;
    }
}
