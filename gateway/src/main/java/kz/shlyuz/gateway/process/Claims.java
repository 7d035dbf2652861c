package kz.shlyuz.gateway.process;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * The claim of a Submit's or follow-up's message id, recorded with its acknowledgement inside the
 * case's transaction: a second message with the id finds the claim and gets the recorded
 * acknowledgement, or REPLAY_MISMATCH when its content differs.
 */
final class Claims {
    static final String UNIQUE_VIOLATION = "23505";
    /** The journal's claim state of a message answered in full. */
    private static final String CLAIM_COMPLETED = "COMPLETED";

    private Claims() {}

    /** The acknowledgement of a message about case {@code caseId}. */
    static SubmitAck ack(String caseId, AdmittedRequest request, CaseEvent status, Instant now, Instant due) {
        return SubmitAck.newBuilder()
                .setCaseId(caseId)
                .setMessageId(request.messageId())
                .setStatus(status.name())
                .setAcceptedAt(Timestamps.fromMillis(now.toEpochMilli()))
                .setDueAt(Timestamps.fromMillis(due.toEpochMilli()))
                .build();
    }

    /** Records the claim; {@link Taken} when the id was claimed already. */
    static void insert(Tx tx, AdmittedRequest request, SubmitAck ack, Instant now) throws SQLException {
        try {
            tx.insert(
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
                throw new Taken();
            }
            throw e;
        }
    }

    /** The acknowledgement recorded for the message's id, or the refusal a different or unfinished claim gets. */
    static SubmitAck recorded(DataSource db, AdmittedRequest request) {
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
    static final class Taken extends RuntimeException {
        Taken() {
            super(null, null, false, false);
        }
    }
}
