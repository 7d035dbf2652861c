package kz.shlyuz.bench.scenario;

import com.google.protobuf.util.Timestamps;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.HdrHistogram.Recorder;

/** One portal stream: counts and times the messages of cases that changed after measuring began. */
final class StatusWatcher implements ClientResponseObserver<WatchStatusRequest, StatusMessage> {
    final String iin;
    final AtomicLong count = new AtomicLong();
    private final AtomicLong measureFromMicros;
    private final AtomicLong measureUntilMicros;
    private final Recorder latency;
    private final AtomicLong delivered;
    private final AtomicLong lastDeliveryNanos;
    private final AtomicReference<String> error;
    private final AtomicLong errors;
    private volatile ClientCallStreamObserver<WatchStatusRequest> call;
    private volatile boolean cancelled;

    StatusWatcher(
            String iin,
            AtomicLong measureFromMicros,
            AtomicLong measureUntilMicros,
            Recorder latency,
            AtomicLong delivered,
            AtomicLong lastDeliveryNanos,
            AtomicReference<String> error,
            AtomicLong errors) {
        this.iin = iin;
        this.measureFromMicros = measureFromMicros;
        this.measureUntilMicros = measureUntilMicros;
        this.latency = latency;
        this.delivered = delivered;
        this.lastDeliveryNanos = lastDeliveryNanos;
        this.error = error;
        this.errors = errors;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchStatusRequest> requestStream) {
        this.call = requestStream;
    }

    @Override
    public void onNext(StatusMessage m) {
        long now = nowMicros();
        long at = Timestamps.toMicros(m.getAt());
        if (at < measureFromMicros.get() || at >= measureUntilMicros.get()) {
            return;
        }
        latency.recordValue(Math.min(LatencyStats.MAX_MICROS, Math.max(1, now - at)));
        count.incrementAndGet();
        delivered.incrementAndGet();
        lastDeliveryNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    @Override
    public void onError(Throwable t) {
        if (!cancelled) {
            errors.incrementAndGet();
            error.compareAndSet(null, String.valueOf(t));
        }
    }

    @Override
    public void onCompleted() {
        // The gateway ends a stream only at its deadline; the run cancels long before.
    }

    void cancel() {
        cancelled = true;
        if (call != null) {
            call.cancel("bench over", null);
        }
    }

    /** Every stream of one IIN must have received the same number of measured messages. */
    static String consistency(List<StatusWatcher> watchers) {
        Map<String, long[]> minMax = new TreeMap<>();
        for (StatusWatcher w : watchers) {
            long n = w.count.get();
            minMax.merge(w.iin, new long[] {n, n}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        boolean same = minMax.values().stream().allMatch(mm -> mm[0] == mm[1]);
        long perStreamTotal = minMax.values().stream().mapToLong(mm -> mm[1]).sum();
        return String.format(
                Locale.ROOT,
                "every stream of a citizen received the same messages: %s (%d distinct "
                        + "messages across the %d citizens)",
                same ? "yes" : "NO " + describe(minMax),
                perStreamTotal,
                minMax.size());
    }

    private static String describe(Map<String, long[]> minMax) {
        StringBuilder s = new StringBuilder("(min..max per citizen:");
        minMax.values().forEach(mm -> s.append(' ').append(mm[0]).append("..").append(mm[1]));
        return s.append(')').toString();
    }

    /** Microseconds since the epoch, as the messages' own times are read. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
