package kz.shlyuz.bench.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.shlyuz.bench.env.MachineCpu;
import kz.shlyuz.bench.env.StageTimes;
import kz.shlyuz.bench.env.ThreadCpu;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;

/** What one topology of {@link ClusterScenario} did over all its rounds, and the table that prints both. */
final class ClusterFigures {

    LatencyStats submits;
    long cases;
    /** From the resumption of case work until the last case of the window finished. */
    double caseSeconds;
    /** The acknowledgement windows alone (case work held). */
    WindowCost ack = WindowCost.NONE;
    /** The windows and their drains: each case's whole cost. */
    WindowCost submit = WindowCost.NONE;
    /** Sealed calls at the capacity concurrency: the figure two nodes are compared on. */
    final Sealed sealed = new Sealed();
    /** Sealed calls at {@code --concurrency} (a few in flight): each node's seal batches are small. */
    final Sealed sealedFew = new Sealed();

    /** The sealed-call windows at one concurrency. */
    static final class Sealed {
        LatencyStats stats;
        int concurrency;
        WindowCost cost = WindowCost.NONE;
        /** Answer-seal batches the nodes signed in these windows, and the answers in them. */
        long batches;

        long answers;
        /** The nodes' call-stage timers over these windows. */
        StageTimes stages = StageTimes.NONE;

        long calls() {
            return Math.max(1, stats.ok());
        }
    }

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
        double[] few = new double[2];
        for (int t = 0; t < 2; t++) {
            ClusterFigures f = figures[t];
            acks[t] = f.submits.throughput();
            sealed[t] = f.sealed.stats.throughput();
            few[t] = f.sealedFew.stats.throughput();
            long acked = Math.max(1, f.submits.ok());
            long cases = Math.max(1, f.cases);
            long calls = f.sealed.calls();
            out.printf(
                    Locale.ROOT,
                    "  %-10s %8.1f %7.2f %8.3f %8.2f | %8.1f %8.2f %8.2f %8.1f | %8.1f %8.2f %8.2f %8.1f%n",
                    ClusterScenario.TOPOLOGIES[t],
                    acks[t],
                    f.ack.gatewayNanos() / 1e6 / acked,
                    (double) f.ack.work().commits() / acked,
                    (double) f.ack.work().statements() / acked,
                    f.cases / Math.max(1e-9, f.caseSeconds),
                    f.submit.gatewayNanos() / 1e6 / cases,
                    (double) f.submit.work().commits() / cases,
                    (double) f.submit.work().statements() / cases,
                    sealed[t],
                    f.sealed.cost.gatewayNanos() / 1e6 / calls,
                    (double) f.sealed.cost.work().commits() / calls,
                    (double) f.sealed.cost.work().statements() / calls);
            out.printf(
                    Locale.ROOT,
                    "  %-10s submits: %d acknowledged, %d errors, p99 %.2f ms; %d cases finished%n",
                    "",
                    f.submits.ok(),
                    f.submits.errors(),
                    f.submits.percentileMillis(99),
                    f.cases);
            machineLine(out, "per ack", f.ack, acked);
            sealedLine(out, "sealed calls", f.sealed);
            rows.add(new Row(Role.SHLYUZ, f.submits));
            rows.add(new Row(Role.SHLYUZ, f.sealed.stats));
        }
        out.printf(
                Locale.ROOT,
                "  two nodes / one node: acknowledgements %+.1f %%, sealed calls %+.1f %% (target: within 10 %%: "
                        + "both nodes share this machine's cores, so this is the cost of coordinating)%n",
                (acks[1] - acks[0]) / acks[0] * 100,
                (sealed[1] - sealed[0]) / sealed[0] * 100);
        out.printf(
                Locale.ROOT,
                "  sealed calls at %d in flight, where two nodes each seal batches about half the size of one "
                        + "node's (shown beside the target, not held to it):%n",
                figures[0].sealedFew.concurrency);
        for (int t = 0; t < 2; t++) {
            ClusterFigures.Sealed f = figures[t].sealedFew;
            out.printf(
                    Locale.ROOT,
                    "  %-10s %8.1f calls/s, %.2f ms CPU per call, %.2f commits and %.1f statements per call, "
                            + "p50 %.2f ms%n",
                    ClusterScenario.TOPOLOGIES[t],
                    few[t],
                    f.cost.gatewayNanos() / 1e6 / f.calls(),
                    (double) f.cost.work().commits() / f.calls(),
                    (double) f.cost.work().statements() / f.calls(),
                    f.stats.percentileMillis(50));
            sealedLine(out, "sealed calls", f);
        }
        out.printf(
                Locale.ROOT,
                "  two nodes / one node at %d in flight: %+.1f %%%n",
                figures[0].sealedFew.concurrency,
                (few[1] - few[0]) / few[0] * 100);
        out.printf(
                Locale.ROOT,
                "  acks/s: %d Submits in flight, each acknowledged once its case, its claim and its evidence record "
                        + "are committed, while every node's case work is held (no agency call, timer or step result "
                        + "runs in the window); then the nodes resume and cases/s is the rate the held cases ran to "
                        + "their end. Sealed calls: %d in flight. Per-ack figures are the window's; per-case figures "
                        + "are window and drain together, with the bench's own counting queries (a few per phase). "
                        + "Machine busy: all processes on all cores during the window.%n",
                ClusterScenario.ACK_CONCURRENCY,
                figures[0].sealed.concurrency);
        return rows;
    }

    private static void sealedLine(PrintStream out, String what, Sealed f) {
        out.printf(
                Locale.ROOT,
                "  %-10s %s: %d answered, %d errors, p99 %.2f ms, %.1f answers per seal%n",
                "",
                what,
                f.stats.ok(),
                f.stats.errors(),
                f.stats.percentileMillis(99),
                (double) f.answers / Math.max(1, f.batches));
        machineLine(out, "per call", f.cost, f.calls());
        out.printf(Locale.ROOT, "  %-10s   mean ms per stage: %s%n", "", stageMeans(f.stages));
    }

    /** The window's machine-busy share and where its CPU went, per ack or per call. */
    private static void machineLine(PrintStream out, String per, WindowCost cost, long count) {
        out.printf(
                Locale.ROOT,
                "  %-10s   machine %s busy; CPU ms %s: gateway %.2f, PostgreSQL %s, load generator and adapters %.2f%n",
                "",
                busy(cost.machine()),
                per,
                cost.gatewayNanos() / 1e6 / count,
                cost.pgNanos() < 0 ? "(unknown)" : String.format(Locale.ROOT, "%.2f", cost.pgNanos() / 1e6 / count),
                cost.benchNanos() / 1e6 / count);
        out.printf(
                Locale.ROOT,
                "  %-10s   gateway threads, ms %s: %s%n",
                "",
                per,
                threads(cost.gatewayThreads(), count, 7));
        out.printf(
                Locale.ROOT,
                "  %-10s   bench JVM threads, ms %s: %s%n",
                "",
                per,
                threads(cost.benchThreads(), count, 5));
    }

    /** The {@code n} kinds of thread that used the most CPU, ms per ack or per call. */
    private static String threads(ThreadCpu threads, long count, int n) {
        String top = threads.top(n).stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / count))
                .collect(Collectors.joining(", "));
        return top.isEmpty() ? "(unknown)" : top;
    }

    private static String busy(MachineCpu machine) {
        double share = machine.busyShare();
        return Double.isNaN(share) ? "(unknown)" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /**
     * Each stage's mean as the gateway timed it ({@code call} is the whole call, receipt to the
     * answer handed to the journal; admission holds verification; the journal's commit follows the
     * call; what the call holds beyond its stages is the claim and queueing).
     */
    private static String stageMeans(StageTimes stages) {
        StringBuilder means = new StringBuilder();
        stages.stages()
                .forEach((stage, timed) -> means.append(means.length() == 0 ? "" : ", ")
                        .append(stage)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", timed.meanMillis())));
        return means.length() == 0 ? "(no stage timers: metrics off)" : means.toString();
    }
}
