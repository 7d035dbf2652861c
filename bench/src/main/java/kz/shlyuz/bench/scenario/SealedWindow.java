package kz.shlyuz.bench.scenario;

import java.time.Duration;
import java.util.List;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.StageTimes;
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.bench.load.LatencyStats;

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
        long per = ClusterLoad.prepare(columns, options, CALL_REQUESTS_PER_SECOND, slice, concurrency);
        long[] sealsBefore = seals(nodes);
        StageTimes stagesBefore = stages(nodes);
        WindowCost start = WindowCost.now(pg, nodes);
        LatencyStats stats = ClusterLoad.send("sealed calls", columns, concurrency, slice, per);
        into.cost = into.cost.plus(WindowCost.now(pg, nodes).since(start));
        long[] seals = seals(nodes);
        into.batches += seals[0] - sealsBefore[0];
        into.answers += seals[1] - sealsBefore[1];
        into.stages = into.stages.plus(stages(nodes).minus(stagesBefore));
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

    /** The nodes' call-stage timers so far, summed. */
    private static StageTimes stages(List<GatewayProcess> nodes) throws InterruptedException {
        StageTimes sum = StageTimes.NONE;
        for (GatewayProcess node : nodes) {
            sum = sum.plus(node.stages());
        }
        return sum;
    }
}
