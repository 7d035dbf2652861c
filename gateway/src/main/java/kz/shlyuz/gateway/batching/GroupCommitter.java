package kz.shlyuz.gateway.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread that does the work of many callers in groups: callers {@link #submit} an item
 * to a bounded queue and {@link #await} its outcome; the thread takes every item waiting (up to
 * {@link Gathering#max()}), under load waits a moment for more ({@link Gathering}), and runs the
 * owner's {@link Action} once for the group — one transaction, one commit, one signature — which
 * completes each item's future. The journal's group commit, the case writer, the answer sealer and
 * the evidence writer are each this, with their own action.
 *
 * <ul>
 *   <li>Items reach the action in the order they were queued.
 *   <li>An action that throws fails every item of its group it had not settled; one that returns
 *       with an item unsettled fails that item (nothing waits for ever).
 *   <li>A full queue refuses at once after waiting for room at most the caller's wait (see
 *       {@link CallerDeadline}); a caller waits for its outcome at most its remaining gRPC
 *       deadline, never longer than the owner's fixed bound.
 *   <li>{@link #close} stops taking items, lets the thread finish what is queued (within
 *       {@link Settings#drain}), then fails whatever is left.
 *   <li>An {@link Error} (heap exhausted) or an escaped exception kills the thread: the items
 *       queued fail at once, new ones are refused, and the error goes on to the JVM's
 *       uncaught-exception handler, which the gateway's {@code FatalErrors} is (the thread's name
 *       must start with one of the prefixes it knows, e.g. {@code shlyuz-}), so health turns
 *       NOT_SERVING.
 * </ul>
 *
 * @param <T> what a caller hands in
 * @param <R> what it gets back
 */
public final class GroupCommitter<T, R> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    /** How often an idle writer looks whether it is closing. */
    private static final long IDLE_POLL_MILLIS = 100;

    /**
     * How a committer queues, gathers and waits.
     *
     * @param name what callers are told about, e.g. "the journal" ("… is closing")
     * @param thread the writer thread's name, known to the fatal-error handler
     * @param capacity the most items waiting
     * @param gathering how a group gathers; its {@code max} bounds a group
     * @param gatherAfter a group gathers only when the previous one held at least this many (0: always)
     * @param maxWait the longest a caller waits for room or for its outcome, deadline or not
     * @param drain how long {@link #close} lets the thread finish what is queued
     */
    public record Settings(
            String name,
            String thread,
            int capacity,
            Gathering gathering,
            int gatherAfter,
            Duration maxWait,
            Duration drain) {
        public Settings {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity: " + capacity + " (expected: > 0)");
            }
            if (gatherAfter < 0) {
                throw new IllegalArgumentException("gatherAfter: " + gatherAfter + " (expected: >= 0)");
            }
            if (maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("maxWait: " + maxWait + " (expected: > 0)");
            }
            if (drain.isNegative()) {
                throw new IllegalArgumentException("drain: " + drain + " (expected: >= 0)");
            }
        }
    }

    /** One caller's item and the future it waits on; the action completes it. */
    public record Item<T, R>(T value, CompletableFuture<R> done) {}

    /** The owner's work for one group: settle every item (complete or fail its future). */
    @FunctionalInterface
    public interface Action<T, R> {
        void run(List<Item<T, R>> group) throws Exception;
    }

    /** The owner's own exceptions, so callers see the type they always saw. */
    public interface Failures {
        /** A refusal or an ended wait: queue full, closing, stopped, not done in time. */
        RuntimeException of(String message, Throwable cause);

        /** What a caller sees when its item failed with {@code cause}. */
        default RuntimeException failed(Throwable cause) {
            return cause instanceof RuntimeException r ? r : of("failed", cause);
        }
    }

    private final Settings settings;
    private final Action<T, R> action;
    private final Failures failures;
    private final Runnable onStop;
    private final BlockingQueue<Item<T, R>> queue;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable died;
    /** Size of the previous group (the writer thread's own). */
    private int previous;

    /**
     * Starts the writer thread.
     *
     * @param onStop run on the writer thread when it stops (to close what the action kept open)
     */
    public GroupCommitter(Settings settings, Action<T, R> action, Failures failures, Runnable onStop) {
        this.settings = settings;
        this.action = action;
        this.failures = failures;
        this.onStop = onStop;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.thread = new Thread(this::run, settings.thread());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code value}, waiting for room at most the caller's wait; throws the owner's failure when refused. */
    public CompletableFuture<R> submit(T value) {
        return submit(value, settings.maxWait());
    }

    /** As {@link #submit(Object)}, waiting for room at most {@code bound} (or the caller's deadline). */
    public CompletableFuture<R> submit(T value, Duration bound) {
        refuseIfStopped();
        Item<T, R> item = new Item<>(value, new CompletableFuture<>());
        if (!queue.offer(item)) {
            CallerDeadline wait = CallerDeadline.of(bound);
            try {
                if (!queue.offer(item, wait.nanos(), TimeUnit.NANOSECONDS)) {
                    throw failures.of(settings.capacity() + " items already wait for " + settings.name(), null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.of("interrupted before the item was queued for " + settings.name(), e);
            }
        }
        if ((closing || died != null) && !thread.isAlive() && queue.remove(item)) {
            // Queued just after the writer's last look: nobody would take it.
            refuseIfStopped();
        }
        return item.done();
    }

    private void refuseIfStopped() {
        Throwable error = died;
        if (error != null) {
            throw failures.of(settings.name() + " stopped: " + error, error);
        }
        if (closing) {
            throw failures.of(settings.name() + " is closing", null);
        }
    }

    /**
     * Waits for an item's outcome, at most the caller's remaining gRPC deadline and never longer
     * than {@link Settings#maxWait}.
     *
     * @param what names the outcome for a wait that ran out, e.g. "complete: not committed"
     */
    public R await(CompletableFuture<R> done, String what) {
        return await(done, what, settings.maxWait(), failures);
    }

    /** As {@link #await(CompletableFuture, String)} for any future, with the given bound and failures. */
    public static <V> V await(CompletableFuture<V> done, String what, Duration bound, Failures failures) {
        CallerDeadline wait = CallerDeadline.of(bound);
        try {
            return done.get(wait.nanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.of(what + ": interrupted before the outcome was known", e);
        } catch (TimeoutException e) {
            throw failures.of(what + " within " + wait.describe(bound), e);
        } catch (ExecutionException e) {
            throw failures.failed(e.getCause());
        }
    }

    /** Whether new items are taken: false once closing, or once the writer thread died. */
    public boolean accepting() {
        return !closing && died == null;
    }

    /** Items waiting for the next group (tests, metrics). */
    public int waiting() {
        return queue.size();
    }

    private void run() {
        int max = settings.gathering().max();
        List<Item<T, R>> group = new ArrayList<>(max);
        try {
            while (true) {
                Item<T, R> first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, max - 1);
                if (previous >= settings.gatherAfter()) {
                    settings.gathering().gather(queue, group);
                }
                previous = group.size();
                runGroup(group);
                group.clear();
            }
        } catch (InterruptedException e) {
            // close() interrupts only after its drain time; what is left fails.
            RuntimeException stopped = failures.of(settings.name() + " was stopped", e);
            fail(group, stopped);
            fail(drain(), stopped);
        } catch (RuntimeException | Error e) {
            died = e;
            RuntimeException stopped = failures.of(settings.name() + " stopped: " + e, e);
            fail(group, stopped);
            fail(drain(), stopped);
            throw e;
        } finally {
            onStop.run();
        }
    }

    private void runGroup(List<Item<T, R>> group) {
        try {
            action.run(group);
        } catch (Exception e) {
            log.error("{}: a group of {} failed", settings.name(), group.size(), e);
            fail(group, e);
            return;
        }
        for (Item<T, R> item : group) {
            if (!item.done().isDone()) {
                item.done()
                        .completeExceptionally(new IllegalStateException(
                                settings.name() + ": the group's action left an item unsettled"));
            }
        }
    }

    private List<Item<T, R>> drain() {
        List<Item<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    private static <T, R> void fail(List<Item<T, R>> items, Throwable failure) {
        for (Item<T, R> item : items) {
            item.done().completeExceptionally(failure);
        }
    }

    /** Stops taking items; those already queued are done first (within the drain time), the rest fail. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Math.max(1, settings.drain().toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            fail(drain(), failures.of(settings.name() + " closed before the item was done", null));
        }
    }
}
