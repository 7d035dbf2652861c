package kz.shlyuz.gateway.process;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.services.CaseFacts;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.proto.v1.RequestContent;

/** One row of {@code process_case} as the engine reads it inside a transaction. */
final class CaseRecord {
    String caseId, sender, messageId, serviceId, citizenIin, relatedIin, resultCode, resultKk, resultRu;
    CaseState state;
    int stage, attempt;
    Instant dueAt, objectionDueAt;
    byte[] content, signature;
    private Message body;

    boolean finished() {
        return state.finished();
    }

    Message body(Services catalog) {
        if (body == null) {
            try {
                RequestContent rc = RequestContent.parseFrom(content);
                body = rc.getBody().unpack(catalog.find(serviceId).orElseThrow().bodyType());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("case " + caseId + ": stored request unreadable", e);
            }
        }
        return body;
    }

    CaseFacts facts(Services catalog) {
        return new CaseFacts(caseId, serviceId, sender, body(catalog), citizenIin, relatedIin);
    }

    private static final String SELECT = "SELECT case_id, sender, message_id, service_id, citizen_iin, "
            + "related_iin, state, stage, attempt, due_at, objection_due_at, request_content, request_signature, "
            + "result_code, result_kk, result_ru FROM process_case WHERE case_id = ?";

    /** A case just opened by {@code request}, as the row the Submit inserts says (stage 0, attempt 1). */
    static CaseRecord opened(
            String caseId, AdmittedRequest request, List<String> parties, Instant caseDue, Message body) {
        CaseRecord r = new CaseRecord();
        r.caseId = caseId;
        r.sender = request.sender();
        r.messageId = request.messageId();
        r.serviceId = request.service().id();
        r.citizenIin = parties.get(0);
        r.relatedIin = parties.size() > 1 ? parties.get(1) : null;
        r.state = CaseState.IN_PROGRESS;
        r.stage = 0;
        r.attempt = 1;
        r.dueAt = caseDue;
        r.body = body;
        return r;
    }

    /** The case, locked for update when {@code lock} (so concurrent answers fan in one at a time); null if none. */
    static CaseRecord load(Tx tx, String caseId, boolean lock) throws SQLException {
        PreparedStatement s = tx.prepare(lock ? SELECT + " FOR UPDATE" : SELECT);
        s.setString(1, caseId);
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            CaseRecord r = new CaseRecord();
            r.caseId = rs.getString(1);
            r.sender = rs.getString(2);
            r.messageId = rs.getString(3);
            r.serviceId = rs.getString(4);
            r.citizenIin = rs.getString(5);
            r.relatedIin = rs.getString(6);
            r.state = CaseState.valueOf(rs.getString(7));
            r.stage = rs.getInt(8);
            r.attempt = rs.getInt(9);
            r.dueAt = rs.getTimestamp(10).toInstant();
            Timestamp od = rs.getTimestamp(11);
            r.objectionDueAt = od == null ? null : od.toInstant();
            r.content = rs.getBytes(12);
            r.signature = rs.getBytes(13);
            r.resultCode = rs.getString(14);
            r.resultKk = rs.getString(15);
            r.resultRu = rs.getString(16);
            return r;
        }
    }
}
