package kz.shlyuz.gateway.console.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per minute per key (an account, or before login an address), in fixed one-minute
 * windows: enough to stop a script gone wild or a password guesser, and cheap.
 */
final class RateLimit {
    /** A key's window: the minute it counts and how many requests it has seen. */
    private record Window(long minute, AtomicLong count) {}

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code key}.
     *
     * @return 0 when allowed, else the seconds until the next window opens
     */
    long take(String key) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        Window w = windows.compute(
                key, (k, old) -> old == null || old.minute != minute ? new Window(minute, new AtomicLong()) : old);
        if (w.count.incrementAndGet() <= perMinute) {
            if (windows.size() > 10_000) {
                windows.values().removeIf(x -> x.minute != minute);
            }
            return 0;
        }
        return Math.max(1, (minute + 1) * 60 - millis / 1000);
    }
}
