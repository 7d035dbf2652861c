package kz.shlyuz.gateway.retention;

import java.time.Instant;
import java.util.List;

/**
 * A recorded act of destruction (002 §21): kept in {@code retention_act} and
 * {@code retention_act_item}, never destroyed itself.
 *
 * @param actNo its number, e.g. {@code ACT-2037-000001}
 * @param executedAt when (process time)
 * @param files how many case files it destroyed (an exit file holds all of one person's exit cases)
 * @param rowsDeleted rows taken out of the database
 * @param items what was destroyed, one per case, under which rule
 */
public record DestructionAct(
        String actNo, Instant executedAt, String actor, int files, long rowsDeleted, List<Item> items) {
    public DestructionAct {
        items = List.copyOf(items);
    }

    /**
     * One destroyed case.
     *
     * @param fileKey the file it was part of: {@code EXIT-BOOK-<n>} (the book number of the file's
     *     first case) for an exit file, the case reference otherwise
     * @param registerRef its row in a register, which stays and names this act: {@code exit-cases #12}
     */
    public record Item(
            String caseId,
            String serviceId,
            String fileKey,
            Instant openedAt,
            Instant finishedAt,
            String outcome,
            Instant keptUntil,
            String rule,
            String registerRef) {}
}
