package kz.shlyuz.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one measured phase: how many calls answered, how many failed, over how long,
 * and the latency of the answered ones (microseconds, three significant digits).
 */
public record LatencyStats(
        String label, long ok, long errors, long elapsedNanos, Histogram histogram, String firstError) {

    /** Largest latency the histogram records; anything slower is clamped (calls time out long before). */
    public static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    public static Histogram newHistogram() {
        return new Histogram(1, MAX_MICROS, 3);
    }

    /** This phase and another of the same column together (rounds of a run). */
    public LatencyStats plus(LatencyStats other) {
        Histogram both = histogram.copy();
        both.add(other.histogram);
        return new LatencyStats(
                label,
                ok + other.ok,
                errors + other.errors,
                elapsedNanos + other.elapsedNanos,
                both,
                firstError != null ? firstError : other.firstError);
    }

    /** Answered calls per second of the phase. */
    public double throughput() {
        return elapsedNanos <= 0 ? 0 : ok * 1e9 / elapsedNanos;
    }

    /** A percentile in milliseconds, e.g. {@code percentileMillis(99.9)}. */
    public double percentileMillis(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
