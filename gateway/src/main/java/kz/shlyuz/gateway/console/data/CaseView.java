package kz.shlyuz.gateway.console.data;

import java.time.Instant;
import java.util.List;

/**
 * A case as the console lists it, with its steps. Terms ({@code dueAt}) are the ones the process
 * engine set on the working-day calendar; {@code overdue} and {@code dueSoon} (within a day) are
 * judged by the process clock.
 *
 * @param citizenIin masked unless the viewer may see it in full
 */
public record CaseView(
        String caseId,
        String sender,
        String messageId,
        String serviceId,
        String citizenIin,
        String state,
        Instant openedAt,
        Instant dueAt,
        Instant finishedAt,
        String resultCode,
        boolean overdue,
        boolean dueSoon,
        List<Step> steps) {

    /** One step of the case. */
    public record Step(
            String name,
            int stage,
            String adapter,
            String state,
            Instant startedAt,
            Instant dueAt,
            Instant finishedAt,
            String resultCode,
            boolean overdue,
            boolean dueSoon) {}
}
