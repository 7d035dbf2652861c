package kz.shlyuz.gateway.process;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An operator's hand on the outbox (issue 14): send an agency call again now, or stop it for good.
 * Each runs in the transaction that locks the case row, like every other change of a case, so a
 * worker finishing the same row at the same moment either wins (the row is no longer waiting) or
 * loses (the row is pending again under the operator's decision).
 */
final class DeliveryControl {
    /** The result code a stopped step carries, as ШЭП's DELIVERY_STOPPED. */
    static final String STOPPED_CODE = "DELIVERY_STOPPED";

    static final String STOPPED_KK = "Сұрауды жеткізуді оператор тоқтатты: ведомство жауап бермейді. "
            + "Қызметті қайта сұраңыз немесе қызмет көрсету орталығына хабарласыңыз.";
    static final String STOPPED_RU = "Доставку запроса остановил оператор: ведомство не отвечает. "
            + "Подайте заявку снова или обратитесь в центр обслуживания.";

    private static final String ROW = "SELECT case_id, step_name, kind, state FROM outbox WHERE id = ?";

    private final CaseTransitions transitions;

    DeliveryControl(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    /** A call row waiting for delivery: given up (FAILED) or between retries (PENDING). */
    private record Row(String caseId, String stepName, OutboxState state) {}

    private static Row callRow(Tx tx, long id) throws SQLException {
        PreparedStatement q = tx.prepare(ROW);
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next() || OutboxKind.valueOf(rs.getString(3)) != OutboxKind.CALL) {
                return null;
            }
            return new Row(rs.getString(1), rs.getString(2), OutboxState.valueOf(rs.getString(4)));
        }
    }

    /**
     * The row goes out again now, with a fresh count of attempts; its step waits for the answer.
     *
     * @return false when the row is no agency call, is done or cancelled, or its case is finished
     */
    boolean resend(Tx tx, long id, Instant now) throws SQLException {
        Row row = callRow(tx, id);
        if (row == null || (row.state != OutboxState.FAILED && row.state != OutboxState.PENDING)) {
            return false;
        }
        CaseRecord c = CaseRecord.load(tx, row.caseId, true);
        if (c == null || c.finished()) {
            return false;
        }
        int moved = tx.update(
                "UPDATE outbox SET state = '" + OutboxState.PENDING + "', attempts = 0, due_at = ?, "
                        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = '" + row.state + "'",
                now,
                id);
        if (moved != 1) {
            return false;
        }
        tx.update(
                "UPDATE process_step SET state = '" + StepState.PENDING + "' WHERE case_id = ? AND step_name = ? "
                        + "AND state = '" + StepState.UNDELIVERED + "'",
                row.caseId,
                row.stepName);
        return true;
    }

    /**
     * The row is given up for good: its step fails with {@link #STOPPED_CODE} and the case decides
     * on without it, as after any failed step.
     *
     * @return false when the row is no agency call, is done or cancelled, or its case is finished
     */
    boolean stop(Tx tx, long id, Instant now) throws SQLException {
        Row row = callRow(tx, id);
        if (row == null || (row.state != OutboxState.FAILED && row.state != OutboxState.PENDING)) {
            return false;
        }
        CaseRecord c = CaseRecord.load(tx, row.caseId, true);
        if (c == null || c.finished()) {
            return false;
        }
        if (tx.update(
                        "UPDATE outbox SET state = '" + OutboxState.CANCELLED + "', lease_owner = NULL, "
                                + "lease_until = NULL, last_error = ? WHERE id = ? AND state = '" + row.state + "'",
                        STOPPED_CODE,
                        id)
                != 1) {
            return false;
        }
        tx.update(
                "UPDATE process_step SET state = '" + StepState.PENDING + "' WHERE case_id = ? AND step_name = ? "
                        + "AND state = '" + StepState.UNDELIVERED + "'",
                row.caseId,
                row.stepName);
        transitions.recordResult(tx, c, row.stepName, new StepResult.Failed(STOPPED_CODE, STOPPED_KK, STOPPED_RU), now);
        return true;
    }
}
