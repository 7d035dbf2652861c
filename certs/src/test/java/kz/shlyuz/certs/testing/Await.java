package kz.shlyuz.certs.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline: the one place in the test trees that pauses between
 * looks, so that no test synchronises by sleeping a guessed amount. A test states what it waits
 * for and how long that may take at most; it goes on the moment the condition holds, and fails
 * with the description (and what was last seen) when the deadline passes.
 *
 * <p>Prefer a real signal where the code offers one (a latch a gate counts down, a stream's
 * first message, a process's readiness line); this is for state that can only be looked at.
 * {@code TestHygieneTest} in each module keeps sleeps out of every other test class.
 */
public final class Await {
    /** The first pause between looks; each later one doubles, up to {@link #MAX_PAUSE}. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);

    private static final Duration MAX_PAUSE = Duration.ofMillis(50);

    private Await() {}

    /** Returns as soon as {@code condition} holds; fails after {@code within} with {@code what}. */
    public static void until(BooleanSupplier condition, Duration within, String what) {
        until(condition, within, () -> what);
    }

    /** As {@link #until(BooleanSupplier, Duration, String)}; the description is built on failure only. */
    public static void until(BooleanSupplier condition, Duration within, Supplier<String> what) {
        poll(condition, within, null, what);
    }

    /**
     * As {@link #until(BooleanSupplier, Duration, String)}, looking every {@code every}: for a
     * condition whose look costs work or moves a clock (a look that advances process time by a
     * tick needs a steady pace, not a backoff).
     */
    public static void until(BooleanSupplier condition, Duration within, Duration every, Supplier<String> what) {
        Objects.requireNonNull(every, "every");
        poll(condition, within, every, what);
    }

    private static void poll(BooleanSupplier condition, Duration within, Duration every, Supplier<String> what) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + within.toNanos();
        long pause = every == null ? FIRST_PAUSE.toNanos() : every.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + within + ": " + what.get());
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what.get());
            }
            if (every == null) {
                pause = Math.min(pause * 2, MAX_PAUSE.toNanos());
            }
        }
    }
}
