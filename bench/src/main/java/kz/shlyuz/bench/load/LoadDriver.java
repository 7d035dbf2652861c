package kz.shlyuz.bench.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one phase of load through an {@link AsyncCall}. Closed loop: each answer (or failure)
 * immediately starts the next call, so exactly {@code concurrency} calls are in flight until the
 * phase ends. Paced: calls start on a fixed schedule. Either way the phase is bounded by its
 * duration and its request count, and waits for the calls in flight (up to the call timeout)
 * before it returns.
 */
public final class LoadDriver {
    private LoadDriver() {}

    public static LatencyStats run(String label, LoadPlan plan, AsyncCall call) throws InterruptedException {
        return plan.ratePerSecond() > 0 ? paced(label, plan, call) : closedLoop(label, plan, call);
    }

    private static LatencyStats closedLoop(String label, LoadPlan plan, AsyncCall call) throws InterruptedException {
        Phase phase = new Phase(plan);
        for (int i = 0; i < plan.concurrency(); i++) {
            phase.next(call);
        }
        return phase.finish(label);
    }

    private static LatencyStats paced(String label, LoadPlan plan, AsyncCall call) throws InterruptedException {
        Phase phase = new Phase(plan);
        long intervalNanos = (long) (1e9 / plan.ratePerSecond());
        Semaphore slots = new Semaphore(plan.concurrency());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-pacer");
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            for (long n = 0; ; n++) {
                long scheduled = start + n * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (phase.over()) {
                    break;
                }
                // Over capacity the schedule slips; the latency still counts from the scheduled start.
                slots.acquire();
                if (!phase.sendAt(call, scheduled, slots::release)) {
                    slots.release();
                    break;
                }
            }
        } finally {
            ticker.shutdownNow();
        }
        return phase.finish(label);
    }

    /** Counters and the histogram of one phase. */
    private static final class Phase {
        private final LoadPlan plan;
        private final long startNanos = System.nanoTime();
        private final long endNanos;
        private final Recorder recorder = new Recorder(1, LatencyStats.MAX_MICROS, 3);
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong inFlight = new AtomicLong();
        private final AtomicLong lastAnswerNanos = new AtomicLong(startNanos);
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final Object idle = new Object();

        Phase(LoadPlan plan) {
            this.plan = plan;
            this.endNanos = startNanos + plan.duration().toNanos();
        }

        boolean over() {
            return System.nanoTime() >= endNanos || sent.get() >= plan.maxRequests();
        }

        /** Closed loop: start the next call now unless the phase is over. */
        void next(AsyncCall call) {
            sendAt(call, System.nanoTime(), () -> next(call));
        }

        boolean sendAt(AsyncCall call, long scheduledNanos, Runnable after) {
            if (System.nanoTime() >= endNanos) {
                return false;
            }
            long seq = sent.getAndIncrement();
            if (seq >= plan.maxRequests()) {
                return false;
            }
            inFlight.incrementAndGet();
            ListenableFuture<?> future;
            try {
                future = call.send(seq);
            } catch (RuntimeException e) {
                // A request that cannot even be sent ends this loop: continuing would only spin.
                done(scheduledNanos, e);
                return true;
            }
            Futures.addCallback(
                    future,
                    new FutureCallback<Object>() {
                        @Override
                        public void onSuccess(Object result) {
                            done(scheduledNanos, null);
                            after.run();
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            done(scheduledNanos, t);
                            after.run();
                        }
                    },
                    MoreExecutors.directExecutor());
            return true;
        }

        private void done(long scheduledNanos, Throwable failure) {
            long now = System.nanoTime();
            if (failure == null) {
                recorder.recordValue(Math.min(LatencyStats.MAX_MICROS, Math.max(1, (now - scheduledNanos) / 1000)));
                ok.incrementAndGet();
                lastAnswerNanos.accumulateAndGet(now, Math::max);
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, String.valueOf(failure));
            }
            if (inFlight.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }

        LatencyStats finish(String label) throws InterruptedException {
            long waitUntil =
                    Math.max(endNanos, System.nanoTime()) + plan.callTimeout().toNanos();
            synchronized (idle) {
                while (true) {
                    boolean quiet = inFlight.get() == 0 && (over() || System.nanoTime() >= endNanos);
                    long left = waitUntil - System.nanoTime();
                    if (quiet || left <= 0) {
                        break;
                    }
                    // Wake up at the end of the phase too, so a closed loop that ran out of requests is noticed.
                    idle.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
                }
            }
            Histogram histogram = recorder.getIntervalHistogram();
            // Answers of calls still in flight at the end count, and so does the time they took.
            long elapsed = Math.max(1, lastAnswerNanos.get() - startNanos);
            return new LatencyStats(label, ok.get(), errors.get(), elapsed, histogram, firstError.get());
        }
    }
}
