package kz.shlyuz.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Lets one log line through per interval and counts the rest, so that a flood of refusals (10 000
 * connections over the cap, a million reset streams) is one line every few seconds saying how
 * many, never a line — let alone a stack trace — per event.
 */
final class OncePer {
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    OncePer(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Runs {@code line} with the number of events folded into it since the last line, or counts this one. */
    void event(LongConsumer line) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            line.accept(suppressed.getAndSet(0));
        } else {
            suppressed.incrementAndGet();
        }
    }
}
