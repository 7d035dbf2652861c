package kz.shlyuz.bench.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;

/**
 * Side-by-side measurement of gateway JVMs: the columns take turns in {@code --rounds} rounds of
 * {@code --duration / --rounds} each (after one warm-up per column in the first round), so that a
 * busy neighbour on the machine slows all of them alike; per column the merged latency and the
 * CPU its gateway process used during its turns.
 */
final class TurnTaking {
    private TurnTaking() {}

    /** One column: its label, the signed requests it sends, and the gateway process whose CPU is its cost. */
    record Entry(String label, SignedColumn column, GatewayProcess gateway) {}

    /** What a column measured over all its rounds. */
    record Measured(String label, LatencyStats stats, long cpuNanos) {
        /** The gateway's CPU per successful call in milliseconds; NaN without one. */
        double cpuMillisPerCall() {
            return stats.ok() == 0 ? Double.NaN : cpuNanos / 1e6 / stats.ok();
        }
    }

    /** Runs the rounds, the entries in the given order within each; {@code scenario} names the progress lines. */
    static List<Measured> run(String scenario, List<Entry> entries, BenchOptions options, PrintStream out)
            throws InterruptedException {
        Duration slice = options.duration().dividedBy(Math.max(1, options.rounds()));
        int n = entries.size();
        LatencyStats[] merged = new LatencyStats[n];
        long[] cpu = new long[n];
        // Requests are signed ahead; the warm-up's rate decides how many a round needs (30 % headroom).
        double[] rate = new double[n];
        java.util.Arrays.fill(rate, 200);
        for (int round = 1; round <= options.rounds(); round++) {
            for (int i = 0; i < n; i++) {
                Entry entry = entries.get(i);
                SignedColumn column = entry.column();
                if (round == 1 && !options.warmup().isZero()) {
                    long warm = column.prepare(
                            Math.min(options.maxRequests(), options.warmup().toMillis() + options.concurrency()));
                    LatencyStats warmed = LoadDriver.run(
                            "warm-up",
                            LoadPlan.closedLoop(options.concurrency(), options.warmup(), warm),
                            seq -> column.send());
                    rate[i] = Math.max(rate[i], warmed.throughput());
                }
                long ready = column.prepare(Math.min(
                        options.maxRequests(),
                        (long) Math.ceil(rate[i] * slice.toMillis() / 1000.0 * 1.3) + options.concurrency()));
                out.printf(
                        Locale.ROOT,
                        "bench: %s round %d/%d, %s — %s at concurrency %d%n",
                        scenario,
                        round,
                        options.rounds(),
                        entry.label(),
                        slice,
                        options.concurrency());
                long before = ProcessCpu.nanos(entry.gateway().process(), false);
                LatencyStats stats = LoadDriver.run(
                        entry.label(), LoadPlan.closedLoop(options.concurrency(), slice, ready), seq -> column.send());
                cpu[i] += ProcessCpu.nanos(entry.gateway().process(), false) - before;
                merged[i] = merged[i] == null ? stats : merged[i].plus(stats);
                rate[i] = Math.max(rate[i], stats.throughput());
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            measured.add(new Measured(entries.get(i).label(), merged[i], cpu[i]));
        }
        return measured;
    }
}
