package kz.shlyuz.gateway.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers that a remote service (an OCSP responder, a TSA) failed, so that the calls after the
 * failure do not each wait for its timeout: closed (ask it) → open for {@code openFor} after a
 * failure (do not ask; the caller goes on as if it had failed, at once) → half-open (one caller
 * probes it; the others still do not ask) → closed again after a success, or open again after a
 * failure. Time is the injected clock's, so tests drive it without waiting.
 */
public final class CircuitBreaker {
    /** Where a breaker stands. */
    public enum Position {
        /** The service is asked. */
        CLOSED,
        /** The service failed and is not asked until {@link State#openUntil}. */
        OPEN,
        /** The open time has passed and one call is probing the service. */
        HALF_OPEN
    }

    /**
     * A breaker's state, for health reports.
     *
     * @param openUntil until when it is left alone ({@code null} unless open or probing)
     * @param lastFailure why it last failed ({@code ""} when it has not)
     * @param failures failures in a row
     */
    public record State(Position position, Instant openUntil, String lastFailure, int failures) {}

    private final Duration openFor;
    private final Clock clock;
    private Position position = Position.CLOSED;
    private Instant openUntil;
    private String lastFailure = "";
    private int failures;

    public CircuitBreaker(Duration openFor, Clock clock) {
        this.openFor = Objects.requireNonNull(openFor, "openFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether this caller may ask the service now: always when closed; when open, not until the
     * open time has passed, and then only the one caller that becomes the probe.
     */
    public synchronized boolean allow() {
        if (position == Position.CLOSED) {
            return true;
        }
        if (position == Position.OPEN && !clock.instant().isBefore(openUntil)) {
            position = Position.HALF_OPEN;
            return true;
        }
        return false;
    }

    /** The service answered. */
    public synchronized void succeeded() {
        position = Position.CLOSED;
        openUntil = null;
        failures = 0;
    }

    /** The service failed (unreachable, timed out, an HTTP error): leave it alone for a while. */
    public synchronized void failed(String why) {
        failures++;
        lastFailure = why == null ? "" : why;
        if (openFor.isZero()) {
            position = Position.CLOSED;
            return;
        }
        position = Position.OPEN;
        openUntil = clock.instant().plus(openFor);
    }

    public synchronized State state() {
        return new State(position, openUntil, lastFailure, failures);
    }
}
