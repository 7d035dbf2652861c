package kz.shlyuz.gateway.cluster;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reads of one open stream: one right away (catching up from the stream's cursor), then one
 * each time {@link FeedSignals} reports a cursor beyond what the last read covered. Signals that
 * arrive while a read is queued or running fold into one more read, so a burst of commits costs a
 * stream a read or two, and an idle stream costs nothing.
 */
public final class SignalledReads implements AutoCloseable {
    private final FeedSignals signals;
    private final Executor executor;
    private final Runnable read;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AutoCloseable subscription;
    /** The newest cursor the last read was sure to see. */
    private volatile long seen = -1;

    private volatile boolean closed;

    private SignalledReads(FeedSignals signals, Executor executor, Runnable read) {
        this.signals = signals;
        this.executor = executor;
        this.read = read;
        this.subscription = signals.subscribe(this::onNews);
    }

    /**
     * Subscribes and queues the first read on {@code executor}.
     *
     * @param read reads what is new and sends it; runs on {@code executor}, never twice at once
     */
    public static SignalledReads start(FeedSignals signals, Executor executor, Runnable read) {
        SignalledReads reads = new SignalledReads(signals, executor, read);
        reads.queue();
        return reads;
    }

    private void onNews(long seq) {
        if (seq > seen) {
            queue();
        }
    }

    private void queue() {
        if (closed || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            // The node is shutting down: its streams end with it.
            queued.set(false);
        }
    }

    private synchronized void run() {
        queued.set(false);
        if (closed) {
            return;
        }
        // Everything committed up to this cursor was committed before this read begins.
        long target = signals.latest();
        signals.countRead();
        read.run();
        seen = Math.max(seen, target);
    }

    /** No more reads; safe to call from the read itself and more than once. */
    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
