package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AddressCertificateRequest;

/**
 * Several nodes on one PostgreSQL (issue 15): the durable Submit of {@code async-submit} and the
 * batch-sealed Call of {@code sync-rsa}, first through one gateway node, then through two nodes
 * that share the database (the load spread round-robin over both), in turns, on a throwaway
 * PostgreSQL cluster. Printed per topology: acknowledgements/s and calls/s, cases finished/s
 * (every acknowledged case is run to its end before the next phase, by whichever node leases
 * it), the database's commits and statements per case and per call ({@code pg_stat_database},
 * {@code pg_stat_statements}), and the gateway JVMs' CPU. Both nodes share the machine's cores
 * with the database, the adapters and the load generator, so two nodes measure what coordination
 * costs, not what a second machine adds.
 */
public final class ClusterScenario implements StreamScenario {
    /** The most a phase's cases may take to finish after its load before the run gives up on them. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    static final String[] TOPOLOGIES = {"one node", "two nodes"};

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
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey operator = env.pki().signerKey(Employee.HKKO_OPERATOR.key());
        SignerKey citizen = env.pki().signerKey(Persona.CLEAN.key());
        String iin = Persona.CLEAN.iin().value();
        ClusterFigures[] figures = {new ClusterFigures(), new ClusterFigures()};
        Duration slice = options.duration().dividedBy(Math.max(1, options.rounds()));
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            out.printf(Locale.ROOT, "bench: cluster-pg: PostgreSQL on 127.0.0.1:%d (throwaway)%n", pg.port());
            try (GatewayProcess first =
                    GatewayProcess.startOnDatabase(env.pki().dir(), runDir, adapters, pg.jdbcUrl(), "node1")) {
                for (int round = 1; round <= options.rounds(); round++) {
                    for (int t = 0; t < TOPOLOGIES.length; t++) {
                        List<GatewayProcess> nodes = new ArrayList<>(List.of(first));
                        GatewayProcess second = t == 1
                                ? GatewayProcess.startOnDatabase(
                                        env.pki().dir(), runDir, adapters, pg.jdbcUrl(), "node2-round" + round)
                                : null;
                        try {
                            if (second != null) {
                                nodes.add(second);
                            }
                            // The second node starts afresh every round: it warms up (JIT) before its measured phase
                            // too.
                            boolean warm = (round == 1 || second != null)
                                    && !options.warmup().isZero();
                            out.printf(
                                    Locale.ROOT,
                                    "bench: cluster-pg round %d/%d, %s — submits, then sealed calls, %s each at "
                                            + "concurrency %d%n",
                                    round,
                                    options.rounds(),
                                    TOPOLOGIES[t],
                                    slice,
                                    options.concurrency());
                            List<SignedColumn> submits = new ArrayList<>();
                            List<SignedColumn> calls = new ArrayList<>();
                            for (GatewayProcess node : nodes) {
                                ManagedChannel hkko = env.channel(
                                        node.port(), AsyncSubmitScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
                                submits.add(new SignedColumn(
                                        Role.SHLYUZ,
                                        "submit",
                                        hkko,
                                        () -> AsyncSubmitScenario.sign(builder, operator, iin, env),
                                        SignedColumn.Rpc.SUBMIT));
                                ManagedChannel portal =
                                        env.channel(node.port(), SyncCallScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
                                calls.add(new SignedColumn(
                                        Role.SHLYUZ,
                                        "sealed call",
                                        portal,
                                        () -> builder.sign(
                                                RequestBuilder.content(
                                                        SyncCallScenario.SENDER,
                                                        SyncCallScenario.SERVICE,
                                                        AddressCertificateRequest.newBuilder()
                                                                .setIin(iin)
                                                                .build(),
                                                        env.clock().instant()),
                                                List.of(citizen)),
                                        SignedColumn.Rpc.CALL,
                                        AnswerForm.BATCH_SEAL));
                            }
                            Phase submitted = phase(pg, nodes, submits, options, slice, warm, true, figures[t], out);
                            figures[t].submits = figures[t].submits == null
                                    ? submitted.stats
                                    : figures[t].submits.plus(submitted.stats);
                            Phase called = phase(pg, nodes, calls, options, slice, warm, false, figures[t], out);
                            figures[t].calls =
                                    figures[t].calls == null ? called.stats : figures[t].calls.plus(called.stats);
                        } finally {
                            if (second != null) {
                                second.close();
                            }
                        }
                    }
                }
            }
        }
        return ClusterFigures.report(figures, description(), out);
    }

    private record Phase(LatencyStats stats) {}

    /**
     * One measured phase: the load spread round-robin over the nodes' columns; for submits, then
     * until every case opened meanwhile has finished, so its database work and CPU are the case's
     * whole cost.
     */
    private static Phase phase(
            ThrowawayPostgres pg,
            List<GatewayProcess> nodes,
            List<SignedColumn> columns,
            BenchOptions options,
            Duration slice,
            boolean warm,
            boolean submits,
            ClusterFigures into,
            PrintStream out)
            throws Exception {
        int n = columns.size();
        if (warm) {
            long per = Math.min(options.maxRequests(), 400L * options.warmup().toSeconds() / n + options.concurrency());
            columns.forEach(c -> c.prepare(per));
            LoadDriver.run(
                    "warm-up",
                    LoadPlan.closedLoop(options.concurrency(), options.warmup(), per * n),
                    seq -> columns.get((int) (seq % n)).send());
            if (submits) {
                awaitCasesFinished(pg, out);
            }
        }
        // Requests are signed ahead, outside the measured time; 600/s per node is more than either path does here.
        long per =
                Math.min(options.maxRequests(), (long) (600 * Math.max(1, slice.toSeconds())) + options.concurrency());
        columns.forEach(c -> c.prepare(per));
        ThrowawayPostgres.Work before = pg.work();
        long cpuBefore = cpu(nodes);
        long casesBefore = submits ? cases(pg) : 0;
        long start = System.nanoTime();
        LatencyStats stats = LoadDriver.run(
                submits ? "submits" : "sealed calls",
                LoadPlan.closedLoop(options.concurrency(), slice, per * n),
                seq -> columns.get((int) (seq % n)).send());
        if (submits) {
            awaitCasesFinished(pg, out);
            long cases = cases(pg) - casesBefore;
            into.cases += cases;
            into.caseSeconds += (System.nanoTime() - start) / 1e9;
            into.submitWork = into.submitWork.plus(pg.work().minus(before));
            into.submitCpuNanos += cpu(nodes) - cpuBefore;
        } else {
            into.callWork = into.callWork.plus(pg.work().minus(before));
            into.callCpuNanos += cpu(nodes) - cpuBefore;
        }
        return new Phase(stats);
    }

    private static long cpu(List<GatewayProcess> nodes) {
        return nodes.stream()
                .mapToLong(node -> ProcessCpu.nanos(node.process(), false))
                .sum();
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
            // A bench, not a test: it polls the database a few times a second while cases drain.
            Thread.sleep(200);
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
