package kz.shlyuz.gateway.process;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;

/**
 * Case ids and step request ids. A case id is
 * {@code C<year>-<12 hex digits of the millisecond><16 random hex digits>}, both parts of time
 * from the process clock: unique by its 64 random bits, and in time order, so the cases opened
 * and finished together sit together in the indexes keyed by case id (case, steps, outbox,
 * status messages, notices) and a commit rewrites a few index pages instead of one per case.
 */
final class CaseIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param clock the process clock
     * @param random the random part's source; {@link java.security.SecureRandom} in production (as
     *     {@code UUID.randomUUID} was), a seeded generator in tests
     */
    CaseIds(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new case id at the clock's current instant. */
    String next() {
        return at(clock.instant());
    }

    /** A new case id for a case opened at {@code now}. */
    String at(Instant now) {
        // HexFormat, not String.format: this runs on every Submit, and a format string is parsed per call.
        String millis = HEX.toHexDigits(now.toEpochMilli() & 0xFFFF_FFFF_FFFFL).substring(4);
        return "C" + now.atZone(KazakhstanCalendar.ZONE).getYear() + "-" + millis + HEX.toHexDigits(random.nextLong());
    }

    /**
     * The agency's request id for a step: derived from the case and the step only, so every retry
     * of the step — by this node or, after a crash, by another — is the same request.
     */
    static String requestId(String caseId, String stepName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caseId + "\n" + stepName).getBytes(StandardCharsets.UTF_8));
            return "step-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
