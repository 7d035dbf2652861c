package kz.shlyuz.gateway.services;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a request is taken in, for the intake rules that depend on it.
 *
 * @param received when the gateway received the request (a consent's time window: 004 annex 3 §5)
 * @param today the day of intake in Kazakhstan by the process clock (ages: 002 §4)
 */
public record IntakeTime(Instant received, LocalDate today) {}
