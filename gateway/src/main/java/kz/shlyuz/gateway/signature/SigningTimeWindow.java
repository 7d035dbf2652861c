package kz.shlyuz.gateway.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * When a signature is judged: at its time-stamp's time when it carries one, else at the signer's
 * own signing-time. That instant must lie within the window either side of the verifier's clock
 * (unless archive verification, which has no window): without a time-stamp the signer's clock is
 * all there is, so the window keeps a holder from back-dating a signature to before their
 * certificate expired. A signing-time may run ahead of the time-stamp by {@link #STAMP_SKEW} at
 * most.
 */
final class SigningTimeWindow {
    /** How far a signer's clock may run ahead of the TSA's. */
    static final Duration STAMP_SKEW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration window;

    /** @param window how far either way from the clock; {@code null} for archive verification */
    SigningTimeWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** The instant the signer's certificate is judged at; refuses a time outside the window. */
    Instant judgedAt(Instant signingTime, Optional<TimeStamps.Stamp> stamp) {
        Instant at = stamp.map(TimeStamps.Stamp::time).orElse(signingTime);
        if (window != null) {
            Instant now = clock.instant();
            if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(window))) {
                throw new Refusal(
                        Reason.MESSAGE_STALE,
                        (stamp.isPresent() ? "time-stamp " : "signing-time ") + at + ", gateway time " + now);
            }
        }
        if (stamp.isPresent() && signingTime.isAfter(stamp.get().time().plus(STAMP_SKEW))) {
            throw new Refusal(
                    Reason.TIMESTAMP_INVALID,
                    "signing-time " + signingTime + " is after the time-stamp "
                            + stamp.get().time());
        }
        return at;
    }
}
