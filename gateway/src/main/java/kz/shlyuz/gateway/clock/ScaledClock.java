package kz.shlyuz.gateway.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time running {@code scale} times faster than the base clock from the moment it is made: the
 * development demo lets a month-long process finish in seconds. Only {@code serve --time-scale}
 * makes one; the configuration has no such setting.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant origin;
    private final double scale;

    public ScaledClock(Clock base, double scale) {
        if (!(scale >= 1)) {
            throw new IllegalArgumentException("scale: " + scale + " (expected: >= 1)");
        }
        this.base = base;
        this.origin = base.instant();
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        return origin.plusNanos((long) (real.toNanos() * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a scaled clock is UTC only");
    }
}
