package kz.shlyuz.gateway.batching;

import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a caller may wait for work handed to another thread: what is left of its gRPC
 * deadline ({@link Context#getDeadline()} of the current context), and never longer than the
 * owner's fixed bound, which also serves callers without a deadline (an outbox worker, a test).
 * A call whose deadline has passed waits no more: its client has given up, and the thread it
 * holds is better spent on a call that can still be answered.
 *
 * @param nanos the wait, zero or more
 * @param byDeadline whether the caller's deadline set it (else the fixed bound did)
 */
public record CallerDeadline(long nanos, boolean byDeadline) {
    public CallerDeadline {
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos: " + nanos + " (expected: >= 0)");
        }
    }

    /** The wait for the current context's caller, at most {@code bound}. */
    public static CallerDeadline of(Duration bound) {
        return of(bound, Context.current().getDeadline());
    }

    /** The wait for a caller whose deadline is {@code deadline} (null: none), at most {@code bound}. */
    public static CallerDeadline of(Duration bound, Deadline deadline) {
        long fixed = bound.toNanos();
        if (deadline == null) {
            return new CallerDeadline(fixed, false);
        }
        long left = deadline.timeRemaining(TimeUnit.NANOSECONDS);
        return left < fixed ? new CallerDeadline(Math.max(0, left), true) : new CallerDeadline(fixed, false);
    }

    /** The nanoseconds the current context's caller may wait, at most {@code bound}. */
    public static long nanosLeft(Duration bound) {
        return of(bound).nanos();
    }

    /** What bounded the wait, for the message of one that ran out: "the caller's deadline" or "PT5S". */
    public String describe(Duration bound) {
        return byDeadline ? "the caller's deadline" : bound.toString();
    }
}
