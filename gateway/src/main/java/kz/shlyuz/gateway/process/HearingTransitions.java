package kz.shlyuz.gateway.process;

import java.sql.SQLException;
import java.time.Instant;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.StepSpec;

/**
 * The case changes of the right to be heard (001 §11), inside the caller's transaction on the
 * locked case row: the preliminary refusal waits for the draft's delivery, the delivery opens the
 * objection window, an objection in time stops its timer and starts internal affairs' re-decision.
 */
final class HearingTransitions {
    private final KazakhstanCalendar calendar;
    private final OutboxStore outbox;

    HearingTransitions(KazakhstanCalendar calendar, OutboxStore outbox) {
        this.calendar = calendar;
        this.outbox = outbox;
    }

    /** The applicant objected in time: the objection window's timer is moot. */
    void cancelObjectionTimer(Tx tx, CaseRecord row) throws SQLException {
        outbox.cancel(tx, row.caseId, OutboxKind.OBJECTION.rowName(null));
    }

    /**
     * 001 §11 ¶1–2: internal affairs refused preliminarily. The objection window does not open
     * yet: it runs from the day the applicant receives the draft, which the consulate reports
     * ({@link FollowUpIntake#draftDelivered}). Until then the case waits for the delivery, due by the
     * consulate's term ({@link Hearings#noticeDue}), guarded by a HEARING timer.
     */
    void awaitDraftDelivery(
            Tx tx, CaseRecord row, ProcessDefinition d, FanInDecision.Decision.PreliminaryRefusal p, Instant now)
            throws SQLException {
        Instant noticeDue = Hearings.noticeDue(d.hearing(), now, row.dueAt, calendar);
        tx.update(
                "UPDATE process_case SET state = '" + CaseState.PRELIMINARY_REFUSAL + "', objection_due_at = NULL, "
                        + "result_code = ?, result_kk = ?, result_ru = ? WHERE case_id = ?",
                p.code(),
                Sql.clip(p.kk()),
                Sql.clip(p.ru()),
                row.caseId);
        row.resultCode = p.code();
        row.resultKk = p.kk();
        row.resultRu = p.ru();
        Hearings.open(tx, row.caseId, now, noticeDue);
        outbox.insert(tx, row.caseId, null, OutboxKind.HEARING, noticeDue);
        tx.feed.status(
                row,
                CaseEvent.PRELIMINARY_REFUSAL,
                Texts.draftRefusalComing(d.hearing(), p.kk(), p.ru(), noticeDue),
                now,
                noticeDue);
    }

    /** The consulate reported the draft delivered: the HEARING timer is moot, the OBJECTION one starts. */
    void openObjectionWindow(Tx tx, CaseRecord row, Instant objectionDue) throws SQLException {
        outbox.cancel(tx, row.caseId, OutboxKind.HEARING.rowName(null));
        tx.update("UPDATE process_case SET objection_due_at = ? WHERE case_id = ?", objectionDue, row.caseId);
        row.objectionDueAt = objectionDue;
        outbox.insert(tx, row.caseId, null, OutboxKind.OBJECTION, objectionDue);
    }

    /**
     * 001 §11 ¶5–6: internal affairs decides again on the objection, as the case's only step of
     * this {@code attempt} (so the stage's fan-in sees its answer alone): a step of its own, with
     * the objection in its order, not the checks that found the grounds run again.
     *
     * @return the step's due time
     */
    Instant startReview(Tx tx, CaseRecord row, StepSpec review, Instant now) throws SQLException {
        Instant due = review.term().dueFrom(now, calendar);
        tx.update(
                CaseTransitions.INSERT_STEP,
                row.caseId,
                review.name(),
                row.stage,
                row.attempt,
                review.adapter(),
                review.operation(),
                false,
                now,
                due);
        outbox.insert(tx, row.caseId, review.name(), OutboxKind.CALL, now);
        outbox.insert(tx, row.caseId, review.name(), OutboxKind.OVERDUE, due);
        return due;
    }
}
