package kz.shlyuz.bench;

import java.time.Duration;

/**
 * What {@code ./shlyuz bench} runs.
 *
 * @param scenario a name from {@link kz.shlyuz.bench.scenario.Scenarios#names()}
 * @param concurrency calls in flight per column (closed loop)
 * @param duration measured time per column
 * @param warmup unmeasured time per column before it (JIT, connections, caches)
 * @param maxRequests most requests any one phase sends
 * @param nginx whether to run column (b) when nginx is installed
 * @param paced whether to add rows (c') and (d'): Shlyuz at a quarter of the relay's throughput, for its latency
 * @param rounds the measured time of each column is split into this many turns, the columns
 *     taking turns, so that other work on the machine does not fall on one column alone
 */
public record BenchOptions(
        String scenario,
        int concurrency,
        Duration duration,
        Duration warmup,
        long maxRequests,
        boolean nginx,
        boolean paced,
        int rounds) {

    public static final Duration FULL_DURATION = Duration.ofSeconds(20);
    /** Long enough for the JIT to have compiled the hot paths (BouncyCastle, H2, gRPC) before measuring. */
    public static final Duration FULL_WARMUP = Duration.ofSeconds(15);

    public static final Duration QUICK_DURATION = Duration.ofSeconds(5);
    public static final Duration QUICK_WARMUP = Duration.ofSeconds(2);

    public BenchOptions {
        if (concurrency < 1 || concurrency > 512) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: 1..512)");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: > 0 and <= PT5M, since "
                    + "requests are signed ahead and the gateway accepts signing times up to 5 minutes old)");
        }
        if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("warmup: " + warmup + " (expected: 0..PT1M)");
        }
        if (rounds < 1 || rounds > 20 || duration.dividedBy(rounds).toMillis() < 100) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: 1..20, each at least 100 ms)");
        }
        if (maxRequests < 1 || maxRequests > 2_000_000) {
            throw new IllegalArgumentException("maxRequests: " + maxRequests + " (expected: 1..2000000)");
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions("sync-rsa", 16, FULL_DURATION, FULL_WARMUP, 500_000, true, true, 4);
    }

    public static BenchOptions quick() {
        return new BenchOptions("sync-rsa", 16, QUICK_DURATION, QUICK_WARMUP, 100_000, true, true, 2);
    }
}
