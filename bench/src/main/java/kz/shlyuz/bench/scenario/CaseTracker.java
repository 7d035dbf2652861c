package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.WatchStatusRequest;

/**
 * Column (c) of {@code async-submit} that also follows every case it acknowledged to its end, so
 * acknowledgements cannot be bought by leaving cases unprocessed. It wraps the signed Submit
 * column, remembers each acknowledged case, and reads the submitting front office's status feed
 * ({@code Cabinet/WatchStatus} from cursor 0, as hkko would) for the cases' final status
 * (APPROVED or REFUSED) and its time, set by the gateway when the case finished. After the load
 * it waits until every acknowledged case has finished (at most {@link #DRAIN_LIMIT}) and reports:
 * how many finished, how many of them within the measured (c) phases and at what rate, how long
 * after the last acknowledgement the last case finished, and the gateway's CPU per case over the
 * whole run (every column, warm-ups and the drain included: the full cost of a case).
 */
final class CaseTracker implements Column {
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    private final Column submits;
    private final BenchEnvironment env;
    private final Map<String, Long> acknowledgedMicros = new ConcurrentHashMap<>();
    private final Map<String, Long> finishedMicros = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> streamError = new AtomicReference<>();
    private final List<long[]> windows = new ArrayList<>();
    private final long gatewayCpuAtStart;
    private final Feed feed = new Feed();
    private volatile long windowStart = -1;

    CaseTracker(Column submits, ManagedChannel frontOffice, BenchEnvironment env) {
        this.submits = submits;
        this.env = env;
        this.gatewayCpuAtStart = ProcessCpu.nanos(env.gateway().process(), false);
        CabinetGrpc.newStub(frontOffice)
                .withDeadlineAfter(6, TimeUnit.HOURS)
                .watchStatus(WatchStatusRequest.newBuilder().setAfterCursor("0").build(), feed);
    }

    @Override
    public Role role() {
        return submits.role();
    }

    @Override
    public String label() {
        return submits.label();
    }

    @Override
    public long prepare(long requests) {
        return submits.prepare(requests);
    }

    @Override
    public ListenableFuture<?> send() {
        ListenableFuture<?> sent = submits.send();
        Futures.addCallback(
                sent,
                new FutureCallback<Object>() {
                    @Override
                    public void onSuccess(Object ack) {
                        acknowledgedMicros.put(((SubmitAck) ack).getCaseId(), nowMicros());
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        // Counted by the load driver as an error; nothing was acknowledged.
                    }
                },
                MoreExecutors.directExecutor());
        return sent;
    }

    @Override
    public synchronized void measuring(boolean on) {
        if (on) {
            windowStart = nowMicros();
        } else if (windowStart >= 0) {
            windows.add(new long[] {windowStart, nowMicros()});
            windowStart = -1;
        }
    }

    @Override
    public List<String> afterLoad(PrintStream out) throws InterruptedException {
        long lastAck = acknowledgedMicros.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(nowMicros());
        out.printf(
                Locale.ROOT,
                "bench: waiting for the %d acknowledged cases to finish (at most %s)%n",
                acknowledgedMicros.size(),
                DRAIN_LIMIT.toSeconds() + " s");
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (unfinished() > 0 && System.nanoTime() < deadline && streamError.get() == null) {
            Thread.sleep(200);
        }
        long gatewayCpu = ProcessCpu.nanos(env.gateway().process(), false) - gatewayCpuAtStart;
        feed.cancel();
        long acknowledged = acknowledgedMicros.size();
        long finished = acknowledgedMicros.keySet().stream()
                .filter(finishedMicros::containsKey)
                .count();
        long inWindows = 0;
        long measuredMicros = 0;
        List<long[]> measured;
        synchronized (this) {
            measured = List.copyOf(windows);
        }
        for (long[] w : measured) {
            measuredMicros += w[1] - w[0];
        }
        for (long at : finishedMicros.values()) {
            for (long[] w : measured) {
                if (at >= w[0] && at < w[1]) {
                    inWindows++;
                    break;
                }
            }
        }
        long lastFinish = finishedMicros.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(lastAck);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(
                Locale.ROOT,
                "(c) cases: %d acknowledged (warm-up and every (c) phase), %d of them "
                        + "finished%s; the last finished %.1f s after the last acknowledgement",
                acknowledged,
                finished,
                finished == acknowledged
                        ? " (all)"
                        : " — " + (acknowledged - finished) + " NOT within " + DRAIN_LIMIT.toSeconds() + " s",
                Math.max(0, lastFinish - lastAck) / 1e6));
        notes.add(String.format(
                Locale.ROOT,
                "(c) cases finished during the measured (c) phases: %d, %.1f/s " + "(acknowledged: the req/s above)",
                inWindows,
                inWindows / Math.max(1e-6, measuredMicros / 1e6)));
        notes.add(String.format(
                Locale.ROOT,
                "(c) gateway CPU per case over the whole run (every column, warm-ups "
                        + "and the drain; acknowledged and run to its end): %.2f ms",
                gatewayCpu / 1e6 / Math.max(1, finished)));
        if (streamError.get() != null) {
            notes.add("(c) the status stream failed: " + streamError.get());
        }
        return notes;
    }

    private long unfinished() {
        return acknowledgedMicros.keySet().stream()
                .filter(id -> !finishedMicros.containsKey(id))
                .count();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** hkko's status feed: the time each case reached its final status. */
    private final class Feed implements ClientResponseObserver<WatchStatusRequest, StatusMessage> {
        private volatile ClientCallStreamObserver<WatchStatusRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchStatusRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(StatusMessage m) {
            if (m.getStatus().equals("APPROVED") || m.getStatus().equals("REFUSED")) {
                com.google.protobuf.Timestamp at = m.getAt();
                finishedMicros.put(m.getCaseId(), at.getSeconds() * 1_000_000 + at.getNanos() / 1000);
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!(t instanceof io.grpc.StatusRuntimeException s
                    && s.getStatus().getCode() == io.grpc.Status.Code.CANCELLED)) {
                streamError.set(t);
            }
        }

        @Override
        public void onCompleted() {}

        void cancel() {
            if (call != null) {
                call.cancel("bench done", null);
            }
        }
    }
}
