package kz.shlyuz.gateway.process;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import kz.shlyuz.gateway.admission.ServiceCatalog;
import kz.shlyuz.proto.v1.RequestContent;

/** One row of {@code process_case} as the engine reads it inside a transaction. */
final class CaseRecord {
    String caseId, sender, messageId, serviceId, citizenIin, relatedIin, state, resultCode, resultKk, resultRu;
    int stage, attempt;
    Instant dueAt, objectionDueAt;
    byte[] content, signature;
    private Message body;

    boolean finished() {
        return state.equals("APPROVED") || state.equals("REFUSED");
    }

    Message body(ServiceCatalog catalog) {
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

    CaseFacts facts(ServiceCatalog catalog) {
        return new CaseFacts(caseId, serviceId, sender, body(catalog), citizenIin, relatedIin);
    }

    /** The case, locked for update when {@code lock} (so concurrent answers fan in one at a time); null if none. */
    static CaseRecord load(Connection c, String caseId, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, sender, message_id, service_id, citizen_iin, "
                + "related_iin, state, stage, attempt, due_at, objection_due_at, request_content, request_signature, "
                + "result_code, result_kk, result_ru FROM process_case WHERE case_id = ?" + (lock ? " FOR UPDATE" : ""))) {
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
                r.state = rs.getString(7);
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
}
