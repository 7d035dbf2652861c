package kz.shlyuz.gateway.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import kz.shlyuz.gateway.clock.AdjustableClock;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void refusesTheRequestsOverTheMinutesLimitPerKeyUntilTheNextMinute() {
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-02T06:00:10Z"));
        RateLimit limit = new RateLimit(3, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limit.take("operator"));
        }
        long wait = limit.take("operator");
        assertTrue(wait > 0 && wait <= 50, "wait " + wait);
        assertEquals(0, limit.take("observer"), "another key has its own window");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, limit.take("operator"));
    }
}
