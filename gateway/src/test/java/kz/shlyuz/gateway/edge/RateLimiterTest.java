package kz.shlyuz.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import kz.shlyuz.gateway.config.EdgeSettings;
import kz.shlyuz.gateway.status.Reason;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock that moves only when told: the buckets see no real time at all. */
    private static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static EdgeSettings settings(
            EdgeSettings.RateLimit global, Map<String, EdgeSettings.SenderLimits> senders) {
        return new EdgeSettings(null, global, senders, ZoneId.of("Asia/Almaty"));
    }

    @Test
    void servesTheBurstThenRefusesWithTheTimeToTheNextToken() {
        StepClock clock = new StepClock(Instant.parse("2026-12-01T10:00:00Z"));
        RateLimiter limiter = new RateLimiter(
                settings(
                        null, Map.of("portal", new EdgeSettings.SenderLimits(new EdgeSettings.RateLimit(10, 5), null))),
                clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.admit("portal").allowed(), "burst request " + i);
        }
        RateLimiter.Decision refused = limiter.admit("portal");
        assertEquals(Reason.RATE_LIMITED, refused.refusal().reason());
        assertEquals(Duration.ofMillis(100), refused.retryAfter());
        assertEquals("0.100", refused.refusal().detail());
        assertTrue(limiter.admit("other").allowed(), "a sender without limits is not touched");

        clock.advance(Duration.ofMillis(100));
        assertTrue(limiter.admit("portal").allowed());
        assertFalse(limiter.admit("portal").allowed());
        assertEquals(2, limiter.refusals("portal", Reason.RATE_LIMITED));
        assertEquals(Map.of("portal", Map.of(Reason.RATE_LIMITED, 2L)), limiter.refusals());
    }

    @Test
    void theGlobalBucketRefusesWithoutSpendingTheSendersOwnTokens() {
        StepClock clock = new StepClock(Instant.parse("2026-12-01T10:00:00Z"));
        RateLimiter limiter = new RateLimiter(
                settings(
                        new EdgeSettings.RateLimit(1, 2),
                        Map.of("portal", new EdgeSettings.SenderLimits(new EdgeSettings.RateLimit(1, 3), 100L))),
                clock);
        assertTrue(limiter.admit("hkko").allowed());
        assertTrue(limiter.admit("hkko").allowed());
        // The global bucket is empty: the portal is refused, and keeps its own three tokens.
        assertEquals(Reason.RATE_LIMITED, limiter.admit("portal").refusal().reason());
        clock.advance(Duration.ofSeconds(3));
        assertTrue(limiter.admit("portal").allowed());
        assertTrue(limiter.admit("portal").allowed());
    }

    @Test
    void quotaLastsTheLocalDayAndStartsAgainAtMidnightInAlmaty() {
        // 23:59:00 in Almaty (UTC+5) is 18:59:00 UTC.
        StepClock clock = new StepClock(Instant.parse("2026-12-01T18:59:00Z"));
        RateLimiter limiter =
                new RateLimiter(settings(null, Map.of("burkit", new EdgeSettings.SenderLimits(null, 2L))), clock);
        assertTrue(limiter.admit("burkit").allowed());
        assertTrue(limiter.admit("burkit").allowed());
        RateLimiter.Decision refused = limiter.admit("burkit");
        assertEquals(Reason.QUOTA_EXCEEDED, refused.refusal().reason());
        assertEquals("2026-12-02 00:00 (Asia/Almaty)", refused.refusal().detail());
        assertEquals(Duration.ofMinutes(1), refused.retryAfter());
        assertEquals(1, limiter.refusals("burkit", Reason.QUOTA_EXCEEDED));

        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.admit("burkit").allowed(), "a new day in Almaty");
    }

    @Test
    void aRequestRefusedByItsBucketDoesNotUseUpTheQuota() {
        StepClock clock = new StepClock(Instant.parse("2026-12-01T10:00:00Z"));
        RateLimiter limiter = new RateLimiter(
                settings(null, Map.of("hkko", new EdgeSettings.SenderLimits(new EdgeSettings.RateLimit(1, 1), 2L))),
                clock);
        assertTrue(limiter.admit("hkko").allowed());
        assertEquals(Reason.RATE_LIMITED, limiter.admit("hkko").refusal().reason());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.admit("hkko").allowed(), "the refused request did not count towards the quota");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Reason.QUOTA_EXCEEDED, limiter.admit("hkko").refusal().reason());
    }
}
