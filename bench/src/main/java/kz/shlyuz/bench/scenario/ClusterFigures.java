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
    /** From the resumption of case work until the last case of the window finished. */
    double caseSeconds;
    /** The acknowledgement window alone (case work held). */
    ThrowawayPostgres.Work ackWork = new ThrowawayPostgres.Work(0, 0);

    long ackCpuNanos;
    /** The window and the drain: each case's whole cost. */
    ThrowawayPostgres.Work submitWork = new ThrowawayPostgres.Work(0, 0);

    ThrowawayPostgres.Work callWork = new ThrowawayPostgres.Work(0, 0);
    long submitCpuNanos;
    long callCpuNanos;
    /** Answer-seal batches the nodes signed in the sealed-call windows, and the answers in them. */
    long sealBatches;

    long sealAnswers;

    static List<Row> report(ClusterFigures[] figures, String description, PrintStream out) {
        out.println();
        out.println("scenario cluster-pg: " + description);
        String header = "  %-10s %8s %7s %8s %8s | %8s %8s %8s %8s | %8s %8s %8s %8s%n";
        out.printf(
                Locale.ROOT,
                header,
                "",
                "acks/s",
                "CPU ms",
                "commits",
                "stmts",
                "cases/s",
                "CPU ms",
                "commits",
                "stmts",
                "calls/s",
                "CPU ms",
                "commits",
                "stmts");
        out.printf(
                Locale.ROOT,
                header,
                "",
                "(submit)",
                "per ack",
                "per ack",
                "per ack",
                "(drain)",
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
            long acked = Math.max(1, f.submits.ok());
            long cases = Math.max(1, f.cases);
            long calls = Math.max(1, f.calls.ok());
            out.printf(
                    Locale.ROOT,
                    "  %-10s %8.1f %7.2f %8.3f %8.2f | %8.1f %8.2f %8.2f %8.1f | %8.1f %8.2f %8.2f %8.1f%n",
                    ClusterScenario.TOPOLOGIES[t],
                    acks[t],
                    f.ackCpuNanos / 1e6 / acked,
                    (double) f.ackWork.commits() / acked,
                    (double) f.ackWork.statements() / acked,
                    f.cases / Math.max(1e-9, f.caseSeconds),
                    f.submitCpuNanos / 1e6 / cases,
                    (double) f.submitWork.commits() / cases,
                    (double) f.submitWork.statements() / cases,
                    sealed[t],
                    f.callCpuNanos / 1e6 / calls,
                    (double) f.callWork.commits() / calls,
                    (double) f.callWork.statements() / calls);
            out.printf(
                    Locale.ROOT,
                    "  %-10s submits: %d acknowledged, %d errors, p99 %.2f ms; %d cases finished; sealed calls: %d "
                            + "answered, %d errors, p99 %.2f ms, %.1f answers per seal%n",
                    "",
                    f.submits.ok(),
                    f.submits.errors(),
                    f.submits.percentileMillis(99),
                    f.cases,
                    f.calls.ok(),
                    f.calls.errors(),
                    f.calls.percentileMillis(99),
                    (double) f.sealAnswers / Math.max(1, f.sealBatches));
            rows.add(new Row(Role.SHLYUZ, f.submits));
            rows.add(new Row(Role.SHLYUZ, f.calls));
        }
        out.printf(
                Locale.ROOT,
                "  two nodes / one node: acknowledgements %+.1f %%, sealed calls %+.1f %% (target: within 10 %%: "
                        + "both nodes share this machine's cores, so this is the cost of coordinating)%n",
                (acks[1] - acks[0]) / acks[0] * 100,
                (sealed[1] - sealed[0]) / sealed[0] * 100);
        out.printf(
                Locale.ROOT,
                "  acks/s: %d Submits in flight, each acknowledged once its case, its claim and its evidence record "
                        + "are committed, while every node's case work is held (no agency call, timer or step result "
                        + "runs in the window); then the nodes resume and cases/s is the rate the held cases ran to "
                        + "their end. Per-ack figures are the window's; per-case figures are window and drain "
                        + "together, with the bench's own counting queries (a few per phase).%n",
                ClusterScenario.ACK_CONCURRENCY);
        return rows;
    }
}
