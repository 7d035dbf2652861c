package kz.shlyuz.gateway.process;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.Stage;
import kz.shlyuz.gateway.services.StepKind;
import kz.shlyuz.gateway.services.StepSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state changes of a case and its steps, inside the caller's transaction on the locked case
 * row: a stage starts (its steps, their calls and timers), a step records its answer, its
 * delivery is given up, or is passed over; the stage fans in ({@link FanInDecision}); the case
 * finishes. Every change writes its status message in the same transaction.
 */
final class CaseTransitions {
    private static final Logger log = LoggerFactory.getLogger(CaseTransitions.class);
    /** Suffix of a step re-run after an objection (001: internal affairs decides again). */
    static final String REDECISION = "_R";

    static final String INSERT_STEP = "INSERT INTO process_step (case_id, step_name, stage, attempt, adapter, "
            + "operation, optional_step, state, started_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, '" + StepState.PENDING
            + "', ?, ?)";
    private static final String ANSWER_STEP = "UPDATE process_step SET state = ?, finished_at = ?, result_code = ?, "
            + "result_kk = ?, result_ru = ?, reference = ? WHERE case_id = ? AND step_name = ? AND state = '"
            + StepState.PENDING + "'";

    private final Services services;
    private final KazakhstanCalendar calendar;
    private final OutboxStore outbox;
    private final HearingTransitions hearings;

    CaseTransitions(Services services, KazakhstanCalendar calendar, OutboxStore outbox) {
        this.services = services;
        this.calendar = calendar;
        this.outbox = outbox;
        this.hearings = new HearingTransitions(calendar, outbox);
    }

    /** The right to be heard's own changes (001 §11). */
    HearingTransitions hearings() {
        return hearings;
    }

    /** The step's name in the regulation, without the suffix of a re-decision. */
    static String baseName(String stepName) {
        return stepName.endsWith(REDECISION)
                ? stepName.substring(0, stepName.length() - REDECISION.length())
                : stepName;
    }

    /** A step of a stage as it is started: its row name, its due time and which timer guards its term. */
    record PlannedStep(StepSpec spec, String name, Instant due, OutboxKind timer) {}

    /**
     * The steps {@code stage} starts at {@code now} on its {@code attempt}: a re-decision's steps
     * carry {@link #REDECISION}; an optional step is passed over at its term (DEADLINE), any other
     * is reported overdue then (OVERDUE).
     */
    static List<PlannedStep> plan(Stage stage, int attempt, Instant now, KazakhstanCalendar calendar) {
        List<PlannedStep> planned = new ArrayList<>();
        for (StepSpec step : stage.steps()) {
            planned.add(new PlannedStep(
                    step,
                    attempt > 1 ? step.name() + REDECISION : step.name(),
                    step.term().dueFrom(now, calendar),
                    step.kind() == StepKind.OPTIONAL_CHECK ? OutboxKind.DEADLINE : OutboxKind.OVERDUE));
        }
        return planned;
    }

    ProcessDefinition definition(CaseRecord row) {
        return services.process(row.serviceId);
    }

    StepSpec step(CaseRecord row, String stepName) {
        return definition(row)
                .step(row.body(services), baseName(stepName))
                .orElseThrow(() -> new IllegalStateException("no step " + stepName));
    }

    List<StepSpec> stageSteps(CaseRecord row, int stage) {
        return definition(row).stagesFor(row.body(services)).get(stage).steps();
    }

    /** Creates the stage's steps with their outbox rows; returns the latest step due time. */
    Instant startStage(Tx tx, CaseRecord row, int stage, int attempt, Instant now) throws SQLException {
        Stage spec = definition(row).stagesFor(row.body(services)).get(stage);
        if (stage != row.stage) {
            tx.update("UPDATE process_case SET stage = ? WHERE case_id = ?", stage, row.caseId);
            row.stage = stage; // the status message of this change reports the stage begun (issue 11.8)
        }
        Instant latest = now;
        for (PlannedStep step : plan(spec, attempt, now, calendar)) {
            latest = step.due().isAfter(latest) ? step.due() : latest;
            tx.insert(
                    INSERT_STEP,
                    row.caseId,
                    step.name(),
                    stage,
                    attempt,
                    step.spec().adapter(),
                    step.spec().operation(),
                    step.spec().kind() == StepKind.OPTIONAL_CHECK,
                    now,
                    step.due());
            outbox.insert(tx, row.caseId, step.name(), OutboxKind.CALL, now);
            outbox.insert(tx, row.caseId, step.name(), step.timer(), step.due());
        }
        return latest;
    }

    /** The agency answered {@code stepName}: records its result and lets the stage fan in. */
    void recordResult(Tx tx, CaseRecord row, String stepName, StepResult result, Instant now) throws SQLException {
        String code = null, kk = null, ru = null, reference = null;
        if (result instanceof StepResult.Grounds g) {
            code = g.code();
            kk = g.kk();
            ru = g.ru();
            reference = g.recordRef();
        } else if (result instanceof StepResult.Done d) {
            kk = d.kk();
            ru = d.ru();
            reference = d.reference();
        } else if (result instanceof StepResult.Failed f) {
            code = f.code();
            kk = f.kk();
            ru = f.ru();
        }
        if (tx.update(ANSWER_STEP, StepState.of(result).name(), now, code, kk, ru, reference, row.caseId, stepName)
                == 1) {
            evaluate(tx, row, now);
        }
    }

    /**
     * The step's request could not be delivered within the retry policy: the step is
     * {@link StepState#UNDELIVERED}, the stage waits, and the status message says so.
     */
    void undelivered(Tx tx, CaseRecord row, String stepName, int attempts, Instant now) throws SQLException {
        if (row.finished()
                || tx.update(
                                "UPDATE process_step SET state = '" + StepState.UNDELIVERED + "' "
                                        + "WHERE case_id = ? AND step_name = ? AND state = '" + StepState.PENDING + "'",
                                row.caseId,
                                stepName)
                        != 1) {
            return;
        }
        StepSpec spec = step(row, stepName);
        tx.feed.status(row, CaseEvent.STEP_UNDELIVERED, Texts.undelivered(spec, attempts), now, null);
        log.error(
                "case {} step {} ({}): not delivered after {} attempts; the step waits for an operator "
                        + "(outbox state {})",
                row.caseId,
                stepName,
                spec.adapter(),
                attempts,
                OutboxState.FAILED);
    }

    /** An optional step's term ran out unanswered: it is passed over and the stage may fan in without it. */
    void passOver(Tx tx, CaseRecord row, String stepName, Instant now) throws SQLException {
        if (tx.update(
                        "UPDATE process_step SET state = '" + StepState.SKIPPED
                                + "', finished_at = ? WHERE case_id = ? " + "AND step_name = ? AND state IN ('"
                                + StepState.PENDING + "', '" + StepState.UNDELIVERED + "')",
                        now,
                        row.caseId,
                        stepName)
                == 1) {
            outbox.cancel(tx, row.caseId, stepName);
            tx.feed.status(row, CaseEvent.STEP_PASSED_OVER, Texts.passedOver(step(row, stepName)), now, null);
            evaluate(tx, row, now);
        }
    }

    /** Fan-in: once every step of the current stage has answered, decide what comes next ({@link FanInDecision}). */
    void evaluate(Tx tx, CaseRecord row, Instant now) throws SQLException {
        if (row.finished()) {
            return;
        }
        List<FanInDecision.StepOutcome> steps = new ArrayList<>();
        PreparedStatement q = tx.prepare("SELECT step_name, state, result_code, result_kk, result_ru, "
                + "reference FROM process_step WHERE case_id = ? AND stage = ? AND attempt = ? ORDER BY step_name");
        q.setString(1, row.caseId);
        q.setInt(2, row.stage);
        q.setInt(3, row.attempt);
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                steps.add(new FanInDecision.StepOutcome(
                        rs.getString(1),
                        StepState.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
        }
        if (steps.stream().anyMatch(s -> s.state().awaitsAnswer())) {
            return; // the stage is still out: no need to read its definition
        }
        ProcessDefinition d = definition(row);
        List<Stage> stages = d.stagesFor(row.body(services));
        FanInDecision.Decision decision =
                FanInDecision.decide(steps, d.preliminaryRefusal(), row.state, row.stage, stages.size());
        if (decision instanceof FanInDecision.Decision.PreliminaryRefusal p && d.hearing() != null) {
            hearings.awaitDraftDelivery(tx, row, d, p, now);
        } else if (decision instanceof FanInDecision.Decision.PreliminaryRefusal p) {
            Instant objectionDue = d.objectionWindow().dueFrom(now, calendar);
            tx.update(
                    "UPDATE process_case SET state = '" + CaseState.PRELIMINARY_REFUSAL + "', objection_due_at = ?, "
                            + "result_code = ?, result_kk = ?, result_ru = ? WHERE case_id = ?",
                    objectionDue,
                    p.code(),
                    Sql.clip(p.kk()),
                    Sql.clip(p.ru()),
                    row.caseId);
            outbox.insert(tx, row.caseId, null, OutboxKind.OBJECTION, objectionDue);
            tx.feed.status(
                    row,
                    CaseEvent.PRELIMINARY_REFUSAL,
                    Texts.preliminary(p.kk(), p.ru(), objectionDue),
                    now,
                    objectionDue);
        } else if (decision instanceof FanInDecision.Decision.Refuse r) {
            finish(tx, row, CaseState.REFUSED, r.code(), r.kk(), r.ru(), null, now, null);
        } else if (decision instanceof FanInDecision.Decision.NextStage n) {
            if (n.endsObjectionReview()) {
                tx.update(
                        "UPDATE process_case SET state = '" + CaseState.IN_PROGRESS + "' WHERE case_id = ?",
                        row.caseId);
            }
            Instant due = startStage(tx, row, n.stage(), row.attempt, now);
            tx.feed.status(
                    row,
                    CaseEvent.STAGE_DONE,
                    Texts.next(
                            n.summaryKk(), n.summaryRu(), stages.get(n.stage()).steps(), due),
                    now,
                    due);
        } else if (decision instanceof FanInDecision.Decision.Approve a) {
            Approvals.Outcome o = Approvals.of(tx, row, d, row.body(services), a);
            finish(tx, row, CaseState.APPROVED, null, o.kk(), o.ru(), o.reference(), now, o.message());
        }
    }

    /**
     * The case ends {@code outcome}: its pending work is cancelled, the applicant told (by {@code
     * message}, or the general text when null), the sender noticed.
     */
    void finish(
            Tx tx,
            CaseRecord row,
            CaseState outcome,
            String code,
            String kk,
            String ru,
            String reference,
            Instant now,
            Texts.Pair message)
            throws SQLException {
        tx.update(
                "UPDATE process_case SET state = ?, finished_at = ?, result_code = ?, result_kk = ?, result_ru = ?, "
                        + "reference = ? WHERE case_id = ?",
                outcome.name(),
                now,
                code,
                Sql.clip(kk),
                Sql.clip(ru),
                reference,
                row.caseId);
        // Nothing left to wait for: overdue reminders of finished steps would only confuse.
        outbox.cancelAll(tx, row.caseId);
        ProcessDefinition d = definition(row);
        Texts.Pair text = message != null
                ? message
                : outcome == CaseState.APPROVED ? Texts.approved(d, row.sender, kk, ru) : Texts.refused(d, kk, ru);
        tx.feed.status(row, CaseEvent.finished(outcome), text, now, null);
        CaseFeed.notice(tx, row, outcome, reference, text, now);
        log.info(
                "case {} service={} applicant={} finished {}{}",
                row.caseId,
                row.serviceId,
                Iin.mask(row.citizenIin),
                outcome,
                code == null ? "" : " grounds=" + code);
    }
}
