package kz.shlyuz.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;

/** The sealed-call windows of {@link ClusterScenario}: the load, and what the nodes say it cost them. */
final class SealedWindow {
    /** Sealed calls signed ahead per second of a window: more than the sealed path takes here. */
    static final long CALL_REQUESTS_PER_SECOND = 800;

    private SealedWindow() {}

    /** One measured phase of sealed calls at {@code concurrency}, spread round-robin over the nodes' columns. */
    static void run(
            ThrowawayPostgres pg,
            List<GatewayProcess> nodes,
            List<SignedColumn> columns,
            BenchOptions options,
            int concurrency,
            Duration slice,
            ClusterFigures.Sealed into)
            throws Exception {
        int n = columns.size();
        long per = Math.min(
                options.maxRequests(), CALL_REQUESTS_PER_SECOND * Math.max(1, slice.toSeconds()) / n + concurrency);
        columns.forEach(c -> c.prepare(per));
        long[] sealsBefore = seals(nodes);
        Map<String, long[]> stagesBefore = stages(nodes);
        WindowCost start = WindowCost.now(pg, nodes);
        LatencyStats stats = LoadDriver.run(
                "sealed calls",
                LoadPlan.closedLoop(concurrency, slice, per * n),
                seq -> columns.get((int) (seq % n)).send());
        into.cost = into.cost.plus(WindowCost.now(pg, nodes).since(start));
        long[] seals = seals(nodes);
        into.batches += seals[0] - sealsBefore[0];
        into.answers += seals[1] - sealsBefore[1];
        stages(nodes).forEach((stage, now) -> {
            long[] then = stagesBefore.getOrDefault(stage, new long[2]);
            long[] sum = into.stages.computeIfAbsent(stage, k -> new long[2]);
            sum[0] += now[0] - then[0];
            sum[1] += now[1] - then[1];
        });
        into.concurrency = concurrency;
        into.stats = into.stats == null ? stats : into.stats.plus(stats);
    }

    /** The nodes' seal batches and sealed answers so far, summed. */
    static long[] seals(List<GatewayProcess> nodes) throws InterruptedException {
        long[] sum = new long[2];
        for (GatewayProcess node : nodes) {
            long[] seals = node.seals();
            sum[0] += seals[0];
            sum[1] += seals[1];
        }
        return sum;
    }

    /** The nodes' call-stage timers so far, summed: stage → {@code {count, total nanoseconds}}. */
    static Map<String, long[]> stages(List<GatewayProcess> nodes) throws InterruptedException {
        Map<String, long[]> sum = new TreeMap<>();
        for (GatewayProcess node : nodes) {
            node.stages().forEach((stage, t) -> {
                long[] s = sum.computeIfAbsent(stage, k -> new long[2]);
                s[0] += t[0];
                s[1] += t[1];
            });
        }
        return sum;
    }
}
