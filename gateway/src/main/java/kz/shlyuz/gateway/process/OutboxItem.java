package kz.shlyuz.gateway.process;

import java.time.Instant;

/**
 * A leased row of the outbox.
 *
 * @param stepName the row's name: the step for a {@link OutboxKind#CALL}, {@code KIND:step} for a
 *     step's timer, {@code OBJECTION} for the case's objection window
 * @param attempts agency calls of this row that failed so far (0 on the first)
 */
public record OutboxItem(
        long id, String caseId, String stepName, OutboxKind kind, String requestId, int attempts, Instant dueAt) {}
