package kz.shlyuz.gateway.process;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.HearingRules;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.StepSpec;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.DraftRefusalDelivery;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * Accepts admitted requests into cases: a Submit opens a case, an objection re-opens the decision
 * of one. Each records the claim of its message id with the acknowledgement in the same
 * transaction, so a retry of the same message gets the recorded acknowledgement.
 */
final class CaseIntake {
    private static final String UNIQUE_VIOLATION = "23505";
    /** The journal's claim state of a message answered in full. */
    private static final String CLAIM_COMPLETED = "COMPLETED";

    private static final String INSERT_CASE = "INSERT INTO process_case (case_id, sender, message_id, service_id, "
            + "citizen_iin, related_iin, state, stage, attempt, opened_at, due_at, request_content, request_signature) "
            + "VALUES (?, ?, ?, ?, ?, ?, '" + CaseState.IN_PROGRESS + "', 0, 1, ?, ?, ?, ?)";

    private final DataSource db;
    private final Services services;
    private final Clock clock;
    private final KazakhstanCalendar calendar;
    private final CaseIds ids;
    private final CaseTransitions transitions;
    private final CaseWriter writer;
    private final FeedSignal signal;

    CaseIntake(
            DataSource db,
            Services services,
            Clock clock,
            KazakhstanCalendar calendar,
            CaseIds ids,
            CaseTransitions transitions,
            CaseWriter writer,
            FeedSignal signal) {
        this.signal = signal;
        this.db = db;
        this.services = services;
        this.clock = clock;
        this.calendar = calendar;
        this.ids = ids;
        this.transitions = transitions;
        this.writer = writer;
    }

    /**
     * Records the request and opens its case in one transaction, committed in a group with the
     * Submits and step results that arrive meanwhile: the claim of the message id, the case, the
     * first stage's steps and outbox rows, the ACCEPTED status message.
     */
    SubmitAck submit(AdmittedRequest request) {
        ProcessDefinition definition = services.process(request.service().id());
        Message body = request.body();
        List<String> parties = definition.parties().apply(body);
        Instant now = clock.instant();
        String caseId = ids.at(now);
        Instant caseDue = definition.caseDue(body, now, calendar);
        SubmitAck ack = ack(caseId, request, CaseEvent.ACCEPTED, now, caseDue);
        CaseRecord row = CaseRecord.opened(caseId, request, parties, caseDue, body);
        List<StepSpec> first = definition.stagesFor(body).get(0).steps();
        byte[] content = request.signed().getContent().toByteArray();
        byte[] signature = request.signed().getSignature().toByteArray();
        // The acknowledgement is returned only once that group's commit has returned.
        CompletableFuture<SubmitAck> written = writer.submit(
                tx -> {
                    insertClaim(tx, request, ack, now);
                    insertOnceOnly(tx, body, caseId, now);
                    tx.update(
                            INSERT_CASE,
                            caseId,
                            request.sender(),
                            request.messageId(),
                            request.service().id(),
                            row.citizenIin,
                            row.relatedIin,
                            now,
                            caseDue,
                            content,
                            signature);
                    Instant stepDue = transitions.startStage(tx, row, 0, 1, now);
                    tx.feed.status(
                            row,
                            CaseEvent.ACCEPTED,
                            Texts.accepted(definition, caseId, first, stepDue, caseDue),
                            now,
                            stepDue);
                    return ack;
                },
                GroupCommits.WRITE_TIMEOUT.toMillis());
        try {
            return GroupCommits.await(written);
        } catch (ClaimTaken taken) {
            return recordedAck(request);
        }
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
                SubmitAck ack = ack(row.caseId, request, CaseEvent.OBJECTION_RECEIVED, now, row.dueAt);
                // First the claim: a retry of an accepted objection gets its acknowledgement even
                // though the case has moved on; a refusal below rolls the claim back.
                insertClaim(tx, request, ack, now);
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
                transitions.cancelObjectionTimer(tx, row);
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
                    Instant reviewDue = transitions.startReview(tx, row, hearing.review(), now);
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
        } catch (ClaimTaken taken) {
            return recordedAck(request);
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
                SubmitAck ack = ack(row.caseId, request, CaseEvent.DRAFT_REFUSAL_DELIVERED, now, objectionDue);
                insertClaim(tx, request, ack, now);
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
                transitions.openObjectionWindow(tx, row, objectionDue);
                tx.feed.status(
                        row,
                        CaseEvent.DRAFT_REFUSAL_DELIVERED,
                        Texts.draftDelivered(rules, on, objectionDue, late),
                        now,
                        objectionDue);
                return ack;
            });
        } catch (ClaimTaken taken) {
            return recordedAck(request);
        }
    }

    private static SubmitAck ack(String caseId, AdmittedRequest request, CaseEvent status, Instant now, Instant due) {
        return SubmitAck.newBuilder()
                .setCaseId(caseId)
                .setMessageId(request.messageId())
                .setStatus(status.name())
                .setAcceptedAt(Timestamps.fromMillis(now.toEpochMilli()))
                .setDueAt(Timestamps.fromMillis(due.toEpochMilli()))
                .build();
    }

    private static void insertClaim(Tx tx, AdmittedRequest request, SubmitAck ack, Instant now) throws SQLException {
        try {
            tx.update(
                    "INSERT INTO message_claim (sender, message_id, content_sha256, service_id, state, claimed_at, "
                            + "completed_at, response) VALUES (?, ?, ?, ?, '" + CLAIM_COMPLETED + "', ?, ?, ?)",
                    request.sender(),
                    request.messageId(),
                    request.contentSha256(),
                    request.service().id(),
                    now,
                    now,
                    ack.toByteArray());
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ClaimTaken();
            }
            throw e;
        }
    }

    /**
     * 004 annex 3 §5: an owner's SMS consent serves one registration. Its OTP exchange id is
     * recorded with the case in the case's own transaction, so that two requests racing with one
     * consent cannot both open a case; a retry of the same message was answered by its claim.
     */
    private static void insertOnceOnly(Tx tx, Message body, String caseId, Instant now) throws SQLException {
        var otp = kz.shlyuz.gateway.services.ResidenceIntake.otpOf(body);
        if (otp.isEmpty()) {
            return;
        }
        try {
            tx.update(
                    "INSERT INTO consent_otp (otp_transaction_id, case_id, used_at) VALUES (?, ?, ?)",
                    otp.get(),
                    caseId,
                    now);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new Refusal(Reason.RESIDENCE_OTP_REUSED, "");
            }
            throw e;
        }
    }

    private SubmitAck recordedAck(AdmittedRequest request) {
        return Sql.transaction(db, tx -> {
            try (PreparedStatement s =
                    tx.c.prepareStatement("SELECT content_sha256, state, response FROM message_claim "
                            + "WHERE sender = ? AND message_id = ?")) {
                s.setString(1, request.sender());
                s.setString(2, request.messageId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refusal(Reason.REQUEST_IN_PROGRESS, "");
                    }
                    if (!rs.getString(1).equals(request.contentSha256())) {
                        throw new Refusal(Reason.REPLAY_MISMATCH, "");
                    }
                    if (!CLAIM_COMPLETED.equals(rs.getString(2)) || rs.getBytes(3) == null) {
                        throw new Refusal(Reason.REQUEST_IN_PROGRESS, "");
                    }
                    try {
                        return SubmitAck.parseFrom(rs.getBytes(3));
                    } catch (InvalidProtocolBufferException e) {
                        // The message id was used for a synchronous call: a different request.
                        throw new Refusal(Reason.REPLAY_MISMATCH, "");
                    }
                }
            }
        });
    }

    /** The message id was claimed concurrently or earlier: answer from the claim. */
    private static final class ClaimTaken extends RuntimeException {
        ClaimTaken() {
            super(null, null, false, false);
        }
    }
}
