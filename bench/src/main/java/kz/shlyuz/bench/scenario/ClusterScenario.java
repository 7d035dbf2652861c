package kz.shlyuz.bench.scenario;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.report.Row;

/**
 * Several nodes on one PostgreSQL (issue 15): the durable Submit of {@code async-submit} and the
 * batch-sealed Call of {@code sync-rsa}, first through one gateway node, then through two nodes
 * that share the database (the load spread round-robin over both), in turns, on a throwaway
 * PostgreSQL cluster. Printed per topology: acknowledgements/s and calls/s, cases finished/s
 * (every acknowledged case is run to its end before the next phase, by whichever node leases
 * it), the database's commits and statements per case and per call ({@code pg_stat_database},
 * {@code pg_stat_statements}), the gateway JVMs' CPU, and for each window the machine's busy
 * share, the CPU of the database and of this JVM (load generator and adapters), both JVMs' CPU by
 * kind of thread, and the gateway's mean per call stage. Sealed calls run at {@link
 * #SEALED_CAPACITY_CONCURRENCY} and at {@code --concurrency}. The database is vacuumed before
 * every window ({@link Vacuum}), outside it. Both nodes share the machine's cores with the
 * database, the adapters and the load generator, so two nodes measure what coordination costs,
 * not what a second machine adds.
 */
public final class ClusterScenario implements StreamScenario {
    /** The most a phase's cases may take to finish after its load before the run gives up on them. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    static final String[] TOPOLOGIES = {"one node", "two nodes"};
    /**
     * Submits in flight at once: the acknowledgement path is measured as a national front office
     * loads it, many operators at once, which is what lets one commit carry many cases.
     */
    static final int ACK_CONCURRENCY = 128;
    /** Submits signed ahead per second of a window: more than the acknowledgement path takes here. */
    private static final long ACK_REQUESTS_PER_SECOND = 4000;
    /** Submits signed ahead per second of a warm-up round, where the cases run meanwhile. */
    private static final long WARM_SUBMITS_PER_SECOND = 800;

    /**
     * Sealed calls in flight for the comparison of the two topologies: as many as the Submits', a
     * national portal's load, where each node's sealer gathers batches large enough that halving
     * them costs little. With a few calls in flight ({@code --concurrency}, 16 by default) each of
     * two nodes seals batches half the size of one node's, so every answer carries twice the share
     * of a signature and a time-stamp; that window is printed too, beside it.
     */
    static final int SEALED_CAPACITY_CONCURRENCY = ACK_CONCURRENCY;
    /**
     * The nodes' rate limits for this scenario, above what they can carry: the shipped limits
     * (hkko 300/s, all senders 3 000/s per node) are policy, this measures capacity.
     */
    static final double LIFTED_RATE_LIMIT = 100_000;
    /** A node is warm when its JIT compiled for less than this share of a warm-up round. */
    private static final double SETTLED_JIT_SHARE = 0.05;

    private static final int MAX_WARM_ROUNDS = 8;

    @Override
    public String name() {
        return "cluster-pg";
    }

    @Override
    public String description() {
        return "Gateway/Submit TEMPORARY_ID (durable ack, cases run to their end) and Gateway/Call ADDRESS_CERTIFICATE "
                + "(batch seal) on PostgreSQL, through one node and through two nodes sharing the database";
    }

    @Override
    public List<Row> run(BenchEnvironment env, BenchOptions options, PrintStream out) throws Exception {
        Path runDir = Files.createTempDirectory("shlyuz-bench-cluster-");
        List<String> adapters = env.adapterArguments();
        ClusterFigures[] figures = {new ClusterFigures(), new ClusterFigures()};
        Duration slice = options.duration().dividedBy(Math.max(1, options.rounds()));
        Vacuum vacuum = new Vacuum();
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            out.printf(Locale.ROOT, "bench: cluster-pg: PostgreSQL on 127.0.0.1:%d (throwaway)%n", pg.port());
            // Both nodes start once and warm up once (JIT), so no measured phase pays for a fresh JVM; in the
            // one-node phases the second node idles with its case work held.
            try (GatewayProcess first = GatewayProcess.startOnDatabase(
                            env.pki().dir(), runDir, adapters, pg.jdbcUrl(), "node1", LIFTED_RATE_LIMIT);
                    GatewayProcess second = GatewayProcess.startOnDatabase(
                            env.pki().dir(), runDir, adapters, pg.jdbcUrl(), "node2", LIFTED_RATE_LIMIT)) {
                List<List<GatewayProcess>> topologies = List.of(List.of(first), List.of(first, second));
                if (!options.warmup().isZero()) {
                    for (GatewayProcess node : List.of(first, second)) {
                        warmUntilCompiled(env, pg, node, options, out);
                    }
                }
                second.hold();
                for (int round = 1; round <= options.rounds(); round++) {
                    for (int t = 0; t < TOPOLOGIES.length; t++) {
                        List<GatewayProcess> nodes = topologies.get(t);
                        out.printf(
                                Locale.ROOT,
                                "bench: cluster-pg round %d/%d, %s — submits at concurrency %d, then sealed calls "
                                        + "at concurrency %d and %d, %s each%n",
                                round,
                                options.rounds(),
                                TOPOLOGIES[t],
                                Math.max(options.concurrency(), ACK_CONCURRENCY),
                                SEALED_CAPACITY_CONCURRENCY,
                                options.concurrency(),
                                slice);
                        ClusterLoad load = new ClusterLoad(env, nodes);
                        submitPhase(pg, nodes, load.submits, options, slice, vacuum, figures[t], out);
                        vacuum.before(pg);
                        SealedWindow.run(
                                pg, nodes, load.calls, options, SEALED_CAPACITY_CONCURRENCY, slice, figures[t].sealed);
                        vacuum.before(pg);
                        SealedWindow.run(
                                pg, nodes, load.calls, options, options.concurrency(), slice, figures[t].sealedFew);
                    }
                    // The one-node phases of the next round run on the first node alone again.
                    second.hold();
                }
            }
            out.println("bench: cluster-pg: " + vacuum.summary());
            out.println("bench: cluster-pg: the statements that took the database's time, over the whole run:");
            pg.topStatements(12).forEach(line -> out.println("  " + line));
        }
        return ClusterFigures.report(figures, description(), out);
    }

    /**
     * Warms one node with rounds of both loads until its JIT compilers worked less than
     * {@link #SETTLED_JIT_SHARE} of a round (at most {@link #MAX_WARM_ROUNDS}): on two busy cores the
     * compile queue of a fresh gateway takes minutes to drain (tasks go stale and are queued again),
     * and a window measured before that counts the compiling as the acknowledgement's cost.
     */
    private static void warmUntilCompiled(
            BenchEnvironment env, ThrowawayPostgres pg, GatewayProcess node, BenchOptions options, PrintStream out)
            throws Exception {
        ClusterLoad load = new ClusterLoad(env, List.of(node));
        for (int round = 1; round <= MAX_WARM_ROUNDS; round++) {
            long jit = node.jitMillis();
            long start = System.nanoTime();
            warm(pg, List.of(node), load.submits, options, true, out);
            warm(pg, List.of(node), load.calls, options, false, out);
            long compiled = node.jitMillis() - jit;
            double share = compiled / ((System.nanoTime() - start) / 1e6);
            out.printf(
                    Locale.ROOT,
                    "bench: cluster-pg warm-up %d of %s: JIT compiled for %d ms (%.0f %% of the round)%n",
                    round,
                    node,
                    compiled,
                    share * 100);
            if (share < SETTLED_JIT_SHARE) {
                return;
            }
        }
    }

    /**
     * Unmeasured load of one kind through {@code nodes}, the cases running meanwhile (their agency
     * path warms too), then run to their end.
     */
    private static void warm(
            ThrowawayPostgres pg,
            List<GatewayProcess> nodes,
            List<SignedColumn> columns,
            BenchOptions options,
            boolean submits,
            PrintStream out)
            throws Exception {
        int concurrency = submits ? Math.max(options.concurrency(), ACK_CONCURRENCY) : options.concurrency();
        long rate = submits ? WARM_SUBMITS_PER_SECOND : SealedWindow.CALL_REQUESTS_PER_SECOND;
        long per = ClusterLoad.prepare(columns, options, rate, options.warmup(), concurrency);
        resume(nodes);
        ClusterLoad.send("warm-up", columns, concurrency, options.warmup(), per);
        if (submits) {
            awaitCasesFinished(pg, out);
        }
    }

    /**
     * One measured Submit phase, the load spread round-robin over the nodes' columns. Submits are
     * acknowledged while every node's case work is held (no outbox row leased), so the
     * acknowledgements/s, CPU and database work of the window are the durable acknowledgement's
     * alone; then the nodes resume and the run waits until every case opened meanwhile has
     * finished, so the per-case figures are the case's whole cost and cases/s is the rate at which
     * the held backlog was worked off. The database is vacuumed before the window ({@link Vacuum}).
     */
    private static void submitPhase(
            ThrowawayPostgres pg,
            List<GatewayProcess> nodes,
            List<SignedColumn> columns,
            BenchOptions options,
            Duration slice,
            Vacuum vacuum,
            ClusterFigures into,
            PrintStream out)
            throws Exception {
        int concurrency = Math.max(options.concurrency(), ACK_CONCURRENCY);
        long per = ClusterLoad.prepare(columns, options, ACK_REQUESTS_PER_SECOND, slice, concurrency);
        for (GatewayProcess node : nodes) {
            node.hold();
        }
        vacuum.before(pg);
        long casesBefore = cases(pg);
        WindowCost start = WindowCost.now(pg, nodes);
        LatencyStats stats = ClusterLoad.send("submits", columns, concurrency, slice, per);
        into.ack = into.ack.plus(WindowCost.now(pg, nodes).since(start));
        long drainStart = System.nanoTime();
        resume(nodes);
        awaitCasesFinished(pg, out);
        into.caseSeconds += (System.nanoTime() - drainStart) / 1e9;
        into.cases += cases(pg) - casesBefore;
        into.submit = into.submit.plus(WindowCost.now(pg, nodes).since(start));
        into.submits = into.submits == null ? stats : into.submits.plus(stats);
    }

    private static void resume(List<GatewayProcess> nodes) throws InterruptedException {
        for (GatewayProcess node : nodes) {
            node.resume();
        }
    }

    private static long cases(ThrowawayPostgres pg) throws SQLException {
        return count(pg, "SELECT count(*) FROM process_case");
    }

    private static void awaitCasesFinished(ThrowawayPostgres pg, PrintStream out) throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long open;
        while ((open = count(pg, "SELECT count(*) FROM process_case WHERE finished_at IS NULL")) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open + " cases still open " + DRAIN_LIMIT + " after the load");
            }
            // A bench, not a test: it polls once a second while cases drain (each count scans the open cases).
            Thread.sleep(1000);
        }
        out.flush();
    }

    private static long count(ThrowawayPostgres pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
