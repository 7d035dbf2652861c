package kz.shlyuz.gateway.ops.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kz.shlyuz.gateway.journal.JournalEntry;

/**
 * X-Road's per-service health data: for each service, the last successful and the last failed
 * request, and over the last ten minutes the counts and the minimum, average and maximum
 * duration. Kept in 60 buckets of ten seconds per service on the gateway's (injectable) clock, so
 * the memory is bounded whatever the traffic.
 */
public final class ServiceHealthStats {
    /** X-Road's statistics period. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private static final long BUCKET_MILLIS = 10_000;
    private static final int BUCKETS = (int) (WINDOW.toMillis() / BUCKET_MILLIS);

    private final Clock clock;
    private final Map<String, PerService> services = new ConcurrentHashMap<>();

    public ServiceHealthStats(Clock clock) {
        this.clock = clock;
    }

    /** What {@code /health/services} reports for one service. Durations in milliseconds. */
    public record ServiceHealth(
            String service,
            Instant lastSuccess,
            Instant lastFailure,
            long successCount,
            long failureCount,
            Double minMillis,
            Double avgMillis,
            Double maxMillis) {}

    /**
     * Counts one journalled call towards its service's health.
     *
     * @param service the service tag (unknown ids already folded into "other")
     */
    public void record(String service, JournalEntry entry) {
        boolean success = entry.outcome() != JournalEntry.Outcome.REFUSED;
        services.computeIfAbsent(service, s -> new PerService())
                .add(clock.millis(), success, Math.max(0, entry.totalMicros()));
    }

    /** Every service seen since start, by id. */
    public List<ServiceHealth> snapshot() {
        long now = clock.millis();
        List<ServiceHealth> out = new ArrayList<>();
        new TreeMap<>(services).forEach((id, s) -> out.add(s.report(id, now)));
        return out;
    }

    private static final class PerService {
        private final long[] bucketStart = new long[BUCKETS];
        private final long[] ok = new long[BUCKETS];
        private final long[] failed = new long[BUCKETS];
        private final long[] sumMicros = new long[BUCKETS];
        private final long[] minMicros = new long[BUCKETS];
        private final long[] maxMicros = new long[BUCKETS];
        private Instant lastSuccess;
        private Instant lastFailure;

        synchronized void add(long nowMillis, boolean success, long micros) {
            long start = nowMillis - Math.floorMod(nowMillis, BUCKET_MILLIS);
            int i = (int) Math.floorMod(start / BUCKET_MILLIS, BUCKETS);
            if (bucketStart[i] != start) {
                bucketStart[i] = start;
                ok[i] = 0;
                failed[i] = 0;
                sumMicros[i] = 0;
                minMicros[i] = Long.MAX_VALUE;
                maxMicros[i] = 0;
            }
            if (success) {
                ok[i]++;
                lastSuccess = Instant.ofEpochMilli(nowMillis);
            } else {
                failed[i]++;
                lastFailure = Instant.ofEpochMilli(nowMillis);
            }
            sumMicros[i] += micros;
            minMicros[i] = Math.min(minMicros[i], micros);
            maxMicros[i] = Math.max(maxMicros[i], micros);
        }

        synchronized ServiceHealth report(String id, long nowMillis) {
            long okCount = 0;
            long failedCount = 0;
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (bucketStart[i] > nowMillis - WINDOW.toMillis()
                        && bucketStart[i] <= nowMillis
                        && ok[i] + failed[i] > 0) {
                    okCount += ok[i];
                    failedCount += failed[i];
                    sum += sumMicros[i];
                    min = Math.min(min, minMicros[i]);
                    max = Math.max(max, maxMicros[i]);
                }
            }
            long n = okCount + failedCount;
            return new ServiceHealth(
                    id,
                    lastSuccess,
                    lastFailure,
                    okCount,
                    failedCount,
                    n == 0 ? null : min / 1000.0,
                    n == 0 ? null : sum / 1000.0 / n,
                    n == 0 ? null : max / 1000.0);
        }
    }
}
