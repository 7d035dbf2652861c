package kz.shlyuz.gateway.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until advanced: tests run a three-month process in milliseconds. */
public final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;

    public AdjustableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves time forward (never back: deadlines only pass). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("by: " + by + " (expected: >= 0)");
        }
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves time forward to {@code instant} if it is later than now. */
    public void advanceTo(Instant instant) {
        now.updateAndGet(t -> instant.isAfter(t) ? instant : t);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("an adjustable clock is UTC only");
    }
}
