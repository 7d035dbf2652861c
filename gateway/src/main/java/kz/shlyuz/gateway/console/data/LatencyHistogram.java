package kz.shlyuz.gateway.console.data;

/**
 * Call durations in log-linear buckets (eight per doubling, so a percentile is within about 9%):
 * small and mergeable, one per service and minute.
 */
final class LatencyHistogram {
    private static final int SUB = 8;
    private static final int BUCKETS = 64 * SUB;
    private final long[] counts = new long[BUCKETS];
    private long total;

    void add(long micros) {
        counts[index(Math.max(1, micros))]++;
        total++;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long total() {
        return total;
    }

    /**
     * The value below which {@code q} of the samples lie (the bucket's upper bound).
     *
     * @return 0 without samples
     */
    long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(BUCKETS - 1);
    }

    static int index(long v) {
        int octave = 63 - Long.numberOfLeadingZeros(v);
        if (octave < 3) {
            return (int) v;
        }
        int fraction = (int) ((v >>> (octave - 3)) & (SUB - 1));
        return octave * SUB + fraction;
    }

    static long upper(int index) {
        int octave = index / SUB;
        if (octave < 3) {
            return index;
        }
        long base = 1L << octave;
        long step = base / SUB;
        return base + step * ((index % SUB) + 1) - 1;
    }
}
