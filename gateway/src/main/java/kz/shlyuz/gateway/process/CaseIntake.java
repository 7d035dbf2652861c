package kz.shlyuz.gateway.process;

import com.google.protobuf.Message;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.StepSpec;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * Accepts admitted Submits into cases (the follow-ups of an open case are {@link FollowUpIntake}'s).
 * The claim of the message id is recorded with the acknowledgement in the case's transaction, so a
 * retry of the same message gets the recorded acknowledgement ({@link Claims}).
 */
final class CaseIntake {

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

    CaseIntake(
            DataSource db,
            Services services,
            Clock clock,
            KazakhstanCalendar calendar,
            CaseIds ids,
            CaseTransitions transitions,
            CaseWriter writer) {
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
        SubmitAck ack = Claims.ack(caseId, request, CaseEvent.ACCEPTED, now, caseDue);
        CaseRecord row = CaseRecord.opened(caseId, request, parties, caseDue, body);
        List<StepSpec> first = definition.stagesFor(body).get(0).steps();
        byte[] content = request.signed().getContent().toByteArray();
        byte[] signature = request.signed().getSignature().toByteArray();
        // The acknowledgement is returned only once that group's commit has returned.
        CompletableFuture<SubmitAck> written = writer.submit(
                tx -> {
                    Claims.insert(tx, request, ack, now);
                    insertOnceOnly(tx, body, caseId, now);
                    tx.insert(
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
        } catch (Claims.Taken taken) {
            return Claims.recorded(db, request);
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
            tx.insert(
                    "INSERT INTO consent_otp (otp_transaction_id, case_id, used_at) VALUES (?, ?, ?)",
                    otp.get(),
                    caseId,
                    now);
        } catch (SQLException e) {
            if (Claims.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new Refusal(Reason.RESIDENCE_OTP_REUSED, "");
            }
            throw e;
        }
    }
}
