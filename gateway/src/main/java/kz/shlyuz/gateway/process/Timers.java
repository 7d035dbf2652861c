package kz.shlyuz.gateway.process;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import kz.shlyuz.gateway.services.StepSpec;

/**
 * The outbox's timer rows as they come due: an optional step's term (DEADLINE: passed over), a
 * step's term (OVERDUE: the applicant is told it is late), the objection window (OBJECTION: the
 * preliminary refusal becomes final). What a timer does is {@link #decide}, a pure function of
 * the case and step as they stand; {@link #fire} applies it in the case's transaction.
 */
final class Timers {
    private final OutboxStore outbox;
    private final CaseTransitions transitions;

    Timers(OutboxStore outbox, CaseTransitions transitions) {
        this.outbox = outbox;
        this.transitions = transitions;
    }

    /** What a due timer does. */
    enum Action {
        /** The optional step is passed over and the stage may fan in without it. */
        PASS_OVER,
        /** A status message says the step is past its term. */
        REPORT_OVERDUE,
        /** The preliminary refusal becomes the reasoned refusal: no objection came in time. */
        REFUSE_FINALLY,
        /** The consulate did not deliver the draft refusal in its term: the applicant and the consulate are told. */
        REPORT_HEARING_LATE,
        /** The timer is moot (the step answered, the case moved on). */
        NONE
    }

    /**
     * @param step the state of the timer's step; null for the case's OBJECTION timer
     */
    static Action decide(OutboxKind kind, CaseState caseState, StepState step) {
        if (caseState.finished()) {
            return Action.NONE;
        }
        return switch (kind) {
            case DEADLINE -> step != null && step.awaitsAnswer() ? Action.PASS_OVER : Action.NONE;
            case OVERDUE -> step != null && step.awaitsAnswer() ? Action.REPORT_OVERDUE : Action.NONE;
            case OBJECTION -> caseState == CaseState.PRELIMINARY_REFUSAL ? Action.REFUSE_FINALLY : Action.NONE;
            // The delivery cancels this timer; a window already open means the draft was delivered.
            case HEARING -> caseState == CaseState.PRELIMINARY_REFUSAL ? Action.REPORT_HEARING_LATE : Action.NONE;
            case CALL -> throw new IllegalArgumentException("kind: CALL (expected: a timer)");
        };
    }

    /** The timer row {@code item}, leased by {@code owner}, came due at process time {@code now}. */
    void fire(Tx tx, OutboxItem item, String owner, Instant now) throws SQLException {
        if (!item.kind().timer()) {
            throw new IllegalArgumentException("outbox row " + item.id() + ": " + item.kind() + " (expected: a timer)");
        }
        CaseRecord row = CaseRecord.load(tx, item.caseId(), true);
        if (!outbox.markDone(tx, item, owner, false)) {
            return; // no longer ours
        }
        String step = item.kind().stepOf(item.stepName());
        StepState state = item.kind() == OutboxKind.OBJECTION || item.kind() == OutboxKind.HEARING
                ? null
                : stepState(tx, row.caseId, step);
        switch (decide(item.kind(), row.state, state)) {
            case PASS_OVER -> transitions.passOver(tx, row, step, now);
            case REPORT_OVERDUE -> {
                StepSpec spec = transitions.step(row, step);
                tx.feed.status(row, CaseEvent.STEP_OVERDUE, Texts.overdue(spec, item.dueAt()), now, null);
            }
            case REFUSE_FINALLY ->
                transitions.finish(
                        tx, row, CaseState.REFUSED, row.resultCode, row.resultKk, row.resultRu, null, now, null);
            case REPORT_HEARING_LATE -> {
                if (row.objectionDueAt == null) {
                    tx.feed.status(
                            row,
                            CaseEvent.HEARING_NOTICE_OVERDUE,
                            Texts.hearingNoticeOverdue(transitions.definition(row), item.dueAt()),
                            now,
                            null);
                }
            }
            case NONE -> {}
        }
    }

    /** The step's state; null when the case has no such step. */
    private static StepState stepState(Tx tx, String caseId, String step) throws SQLException {
        PreparedStatement s = tx.prepare("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?");
        s.setString(1, caseId);
        s.setString(2, step);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? StepState.valueOf(rs.getString(1)) : null;
        }
    }
}
