package kz.shlyuz.bench.load;

import java.time.Duration;

/**
 * How one phase runs: at most {@code concurrency} calls in flight, until {@code duration} has
 * passed or {@code maxRequests} have been sent, whichever comes first. With a positive
 * {@code ratePerSecond} calls are started on a fixed schedule (still at most {@code concurrency}
 * in flight) and latency counts from the scheduled start, so a stall is not hidden by the
 * schedule waiting for it.
 */
public record LoadPlan(
        int concurrency, Duration duration, long maxRequests, double ratePerSecond, Duration callTimeout) {
    public LoadPlan {
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: 1..1024)");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: > 0 and <= PT10M)");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests: " + maxRequests + " (expected: >= 1)");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: >= 0)");
        }
    }

    public static LoadPlan closedLoop(int concurrency, Duration duration, long maxRequests) {
        return new LoadPlan(concurrency, duration, maxRequests, 0, Duration.ofSeconds(10));
    }

    public LoadPlan paced(double rate) {
        return new LoadPlan(concurrency, duration, maxRequests, rate, callTimeout);
    }

    public LoadPlan withDuration(Duration d) {
        return new LoadPlan(concurrency, d, maxRequests, ratePerSecond, callTimeout);
    }

    public LoadPlan withMaxRequests(long max) {
        return new LoadPlan(concurrency, duration, max, ratePerSecond, callTimeout);
    }
}
