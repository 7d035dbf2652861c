package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.junit.jupiter.api.Test;

/** The instant a signer's certificate is judged at, and the window it must lie in: no PKI needed. */
class SigningTimeWindowTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final SigningTimeWindow online = new SigningTimeWindow(Clock.fixed(NOW, ZoneOffset.UTC), WINDOW);
    private final SigningTimeWindow archive = new SigningTimeWindow(Clock.fixed(NOW, ZoneOffset.UTC), null);

    private static Optional<TimeStamps.Stamp> stampedAt(Instant at) {
        return Optional.of(new TimeStamps.Stamp(at, "a stamp"));
    }

    @Test
    void judgesAtTheSigningTimeWithoutAStampAndAtTheStampWithOne() {
        Instant signed = NOW.minus(Duration.ofMinutes(4));
        assertEquals(signed, online.judgedAt(signed, Optional.empty()));
        Instant stamped = NOW.minus(Duration.ofMinutes(2));
        assertEquals(stamped, online.judgedAt(signed, stampedAt(stamped)));
    }

    @Test
    void refusesASigningTimeOutsideTheWindowEitherWay() {
        Instant early = NOW.minus(WINDOW).minusSeconds(1);
        Refusal stale = assertThrows(Refusal.class, () -> online.judgedAt(early, Optional.empty()));
        assertEquals(Reason.MESSAGE_STALE, stale.reason());
        assertEquals("signing-time " + early + ", gateway time " + NOW, stale.detail());
        Instant late = NOW.plus(WINDOW).plusSeconds(1);
        assertEquals(
                Reason.MESSAGE_STALE,
                assertThrows(Refusal.class, () -> online.judgedAt(late, Optional.empty()))
                        .reason());
    }

    @Test
    void refusesAStampOutsideTheWindowNamingTheStamp() {
        Instant old = NOW.minus(Duration.ofHours(1));
        Refusal stale = assertThrows(Refusal.class, () -> online.judgedAt(old, stampedAt(old)));
        assertEquals(Reason.MESSAGE_STALE, stale.reason());
        assertEquals("time-stamp " + old + ", gateway time " + NOW, stale.detail());
    }

    @Test
    void refusesASigningTimeFurtherAheadOfItsStampThanTheSkew() {
        Instant stamped = NOW.minus(Duration.ofMinutes(3));
        Instant signed = stamped.plus(SigningTimeWindow.STAMP_SKEW).plusSeconds(1);
        Refusal refusal = assertThrows(Refusal.class, () -> online.judgedAt(signed, stampedAt(stamped)));
        assertEquals(Reason.TIMESTAMP_INVALID, refusal.reason());
        assertEquals("signing-time " + signed + " is after the time-stamp " + stamped, refusal.detail());
        assertEquals(stamped, online.judgedAt(stamped.plus(SigningTimeWindow.STAMP_SKEW), stampedAt(stamped)));
    }

    @Test
    void archiveVerificationHasNoWindowButKeepsTheSkewRule() {
        Instant longAgo = NOW.minus(Duration.ofDays(3 * 365));
        assertEquals(longAgo, archive.judgedAt(longAgo, Optional.empty()));
        assertEquals(
                Reason.TIMESTAMP_INVALID,
                assertThrows(
                                Refusal.class,
                                () -> archive.judgedAt(longAgo.plus(Duration.ofMinutes(2)), stampedAt(longAgo)))
                        .reason());
    }
}
