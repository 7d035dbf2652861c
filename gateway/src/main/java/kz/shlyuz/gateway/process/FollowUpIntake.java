package kz.shlyuz.gateway.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.HearingRules;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.DraftRefusalDelivery;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * The signed follow-ups of an open case (001 §11, the right to be heard): the consulate's report
 * that the draft refusal was delivered, and the applicant's objection. Each records the claim of
 * its message id with its acknowledgement in the case's transaction ({@link Claims}).
 */
final class FollowUpIntake {
    private final DataSource db;
    private final Clock clock;
    private final KazakhstanCalendar calendar;
    private final CaseTransitions transitions;
    private final FeedSignal signal;

    FollowUpIntake(
            DataSource db, Clock clock, KazakhstanCalendar calendar, CaseTransitions transitions, FeedSignal signal) {
        this.db = db;
        this.clock = clock;
        this.calendar = calendar;
        this.transitions = transitions;
        this.signal = signal;
    }

    /**
     * An applicant's objection to a preliminary refusal (001), as its own signed message naming
     * the case: accepted only while the window is open and only from the applicant; internal
     * affairs then decides again (the stage that found grounds runs again).
     */
    SubmitAck object(AdmittedRequest request, PreliminaryRefusalObjection objection) {
        String correlation = request.content().getCorrelationId();
        if (!objection.getCaseId().isEmpty() && !objection.getCaseId().equals(correlation)) {
            throw new Refusal(Reason.BODY_INVALID, "case_id differs from correlation_id");
        }
        Instant now = clock.instant();
        try {
            return Sql.transaction(db, signal, tx -> {
                CaseRecord row = CaseRecord.load(tx, correlation, true);
                if (row == null
                        || !row.sender.equals(request.sender())
                        || !row.serviceId.equals(request.service().id())) {
                    throw new Refusal(
                            Reason.CASE_NOT_FOUND,
                            correlation.length() > 40 ? correlation.substring(0, 40) : correlation);
                }
                SubmitAck ack = Claims.ack(row.caseId, request, CaseEvent.OBJECTION_RECEIVED, now, row.dueAt);
                // First the claim: a retry of an accepted objection gets its acknowledgement even
                // though the case has moved on; a refusal below rolls the claim back.
                Claims.insert(tx, request, ack, now);
                if (!objection.getIin().equals(row.citizenIin)) {
                    throw new Refusal(Reason.SIGNER_MISMATCH, "the objection must come from the applicant");
                }
                if (row.state != CaseState.PRELIMINARY_REFUSAL
                        || row.objectionDueAt == null
                        || now.isAfter(row.objectionDueAt)) {
                    // 001 §11 ¶3: before the draft's delivery is recorded there is no window yet.
                    throw new Refusal(
                            Reason.OBJECTION_NOT_EXPECTED,
                            row.state == CaseState.PRELIMINARY_REFUSAL && row.objectionDueAt == null
                                    ? row.state.name() + ", draft not delivered"
                                    : row.state.name());
                }
                transitions.hearings().cancelObjectionTimer(tx, row);
                tx.update(
                        "UPDATE process_case SET state = '" + CaseState.OBJECTION_REVIEW + "', attempt = ? "
                                + "WHERE case_id = ?",
                        row.attempt + 1,
                        row.caseId);
                row = CaseRecord.load(tx, row.caseId, false);
                HearingRules hearing = transitions.definition(row).hearing();
                if (hearing != null) {
                    // 001 §11 ¶5–6: the reasons and materials go to internal affairs, which decides again.
                    Hearings.objected(tx, row.caseId, objection.getReasons(), objection.getMaterialRefsList(), now);
                    Instant reviewDue = transitions.hearings().startReview(tx, row, hearing.review(), now);
                    tx.feed.status(
                            row,
                            CaseEvent.OBJECTION_RECEIVED,
                            Texts.objectionReceived(List.of(hearing.review()), reviewDue),
                            now,
                            reviewDue);
                    return ack;
                }
                Instant due = transitions.startStage(tx, row, row.stage, row.attempt, now);
                tx.feed.status(
                        row,
                        CaseEvent.OBJECTION_RECEIVED,
                        Texts.objectionReceived(transitions.stageSteps(row, row.stage), due),
                        now,
                        due);
                return ack;
            });
        } catch (Claims.Taken taken) {
            return Claims.recorded(db, request);
        }
    }

    /**
     * 001 §11 ¶3: the consulate reports the day the applicant received the draft refusal and the
     * hearing notice, as its own signed message naming the case. Accepted once, while the case
     * waits for it; the day may not be before the grounds nor after today (Astana). The objection
     * window opens: 2 working days from that day.
     */
    SubmitAck draftDelivered(AdmittedRequest request, DraftRefusalDelivery delivery) {
        String correlation = request.content().getCorrelationId();
        if (!delivery.getCaseId().isEmpty() && !delivery.getCaseId().equals(correlation)) {
            throw new Refusal(Reason.BODY_INVALID, "case_id differs from correlation_id");
        }
        if (!delivery.hasDeliveredOn()) {
            throw new Refusal(Reason.BODY_INVALID, "delivered_on is missing");
        }
        LocalDate on;
        try {
            on = LocalDate.of(
                    delivery.getDeliveredOn().getYear(),
                    delivery.getDeliveredOn().getMonth(),
                    delivery.getDeliveredOn().getDay());
        } catch (java.time.DateTimeException e) {
            throw new Refusal(Reason.BODY_INVALID, "delivered_on is not a date", e);
        }
        Instant now = clock.instant();
        try {
            return Sql.transaction(db, signal, tx -> {
                CaseRecord row = CaseRecord.load(tx, correlation, true);
                if (row == null
                        || !row.sender.equals(request.sender())
                        || !row.serviceId.equals(request.service().id())) {
                    throw new Refusal(
                            Reason.CASE_NOT_FOUND,
                            correlation.length() > 40 ? correlation.substring(0, 40) : correlation);
                }
                HearingRules rules = transitions.definition(row).hearing();
                Hearings.Row hearing = rules == null ? null : Hearings.load(tx, row.caseId);
                if (hearing == null || row.state != CaseState.PRELIMINARY_REFUSAL) {
                    throw new Refusal(Reason.DRAFT_DELIVERY_NOT_EXPECTED, "state " + row.state);
                }
                Instant objectionDue = Hearings.objectionDue(rules, on, calendar);
                SubmitAck ack = Claims.ack(row.caseId, request, CaseEvent.DRAFT_REFUSAL_DELIVERED, now, objectionDue);
                Claims.insert(tx, request, ack, now);
                if (!delivery.getIin().equals(row.citizenIin)) {
                    throw new Refusal(Reason.SIGNER_MISMATCH, "the delivery must name the applicant");
                }
                if (hearing.deliveredOn() != null) {
                    throw new Refusal(Reason.DRAFT_DELIVERY_NOT_EXPECTED, "delivered on " + hearing.deliveredOn());
                }
                LocalDate today = now.atZone(KazakhstanCalendar.ZONE).toLocalDate();
                LocalDate grounds =
                        hearing.groundsAt().atZone(KazakhstanCalendar.ZONE).toLocalDate();
                if (on.isAfter(today) || on.isBefore(grounds)) {
                    throw new Refusal(
                            Reason.DRAFT_DELIVERY_NOT_EXPECTED,
                            "delivered_on " + on + " outside " + grounds + ".." + today);
                }
                boolean late = on.atTime(12, 0)
                        .atZone(KazakhstanCalendar.ZONE)
                        .toInstant()
                        .isAfter(hearing.noticeDueAt());
                Hearings.delivered(tx, row.caseId, on, delivery.getMethod().name(), objectionDue, now);
                transitions.hearings().openObjectionWindow(tx, row, objectionDue);
                tx.feed.status(
                        row,
                        CaseEvent.DRAFT_REFUSAL_DELIVERED,
                        Texts.draftDelivered(rules, on, objectionDue, late),
                        now,
                        objectionDue);
                return ack;
            });
        } catch (Claims.Taken taken) {
            return Claims.recorded(db, request);
        }
    }
}
