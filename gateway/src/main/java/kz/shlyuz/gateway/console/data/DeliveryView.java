package kz.shlyuz.gateway.console.data;

import java.time.Instant;

/**
 * An agency call of a case that has not gone through: given up, retrying, or stuck under a lease
 * that ran out.
 *
 * @param id the outbox row's id, which resend and stop take
 * @param status {@code FAILED} (given up, the step UNDELIVERED), {@code RETRYING} or {@code STUCK}
 * @param nextAttempt when the next attempt is due (process time); null when given up
 */
public record DeliveryView(
        long id,
        String caseId,
        String stepName,
        String adapter,
        String status,
        int attempts,
        String lastError,
        Instant nextAttempt) {}
