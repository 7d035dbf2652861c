package kz.shlyuz.gateway.process;

import java.time.Instant;

/**
 * A leased row of the outbox.
 *
 * @param kind CALL (ask an agency), DEADLINE (an optional step's term ran out), OVERDUE (a step's
 *     term ran out), OBJECTION (the objection window closed)
 */
public record OutboxItem(long id, String caseId, String stepName, String kind, String requestId, int attempts,
        Instant dueAt) {}
