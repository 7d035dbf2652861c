package kz.shlyuz.certs.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock that, while {@linkplain #hold() held}, stops every caller of {@link #instant()}
 * until {@link #release()}: given to an agency adapter (which reads its clock once per request,
 * when it answers), it keeps calls in flight at a known point without mocking anything, and
 * {@link #awaitHeld} says when they have all got there.
 */
public final class HeldClock extends Clock {
    private final Clock base = Clock.systemUTC();
    private boolean held;
    private int waiting;

    /** From now on, callers wait in {@link #instant()}. */
    public synchronized void hold() {
        held = true;
    }

    /** Lets every waiting caller go on, and later ones pass. */
    public synchronized void release() {
        held = false;
        notifyAll();
    }

    /** True once {@code callers} callers wait at the same time; false if that does not happen {@code within}. */
    public synchronized boolean awaitHeld(int callers, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (waiting < callers) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public Instant instant() {
        synchronized (this) {
            if (held) {
                waiting++;
                notifyAll();
                try {
                    while (held) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting--;
                }
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
        throw new UnsupportedOperationException("a held clock is UTC only");
    }
}
