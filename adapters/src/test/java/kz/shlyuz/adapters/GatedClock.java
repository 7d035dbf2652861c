package kz.shlyuz.adapters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real clock that, once {@link #hold() held}, stops the next caller of {@link #instant()}
 * until {@link #release()}: a way to keep a request in flight at a known point (the adapter
 * reads the clock once per request, when it answers) without mocking anything.
 */
final class GatedClock extends Clock {
    private final Clock base = Clock.systemUTC();
    private volatile CountDownLatch entered;
    private volatile CountDownLatch gate;

    /** The next {@link #instant()} call blocks until {@link #release()}. */
    synchronized void hold() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    boolean awaitHeldCaller(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public Instant instant() {
        CountDownLatch waitFor = null;
        synchronized (this) {
            if (entered != null && entered.getCount() > 0) {
                entered.countDown();
                waitFor = gate;
            }
        }
        if (waitFor != null) {
            try {
                waitFor.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return base.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a gated clock is UTC only");
    }
}
