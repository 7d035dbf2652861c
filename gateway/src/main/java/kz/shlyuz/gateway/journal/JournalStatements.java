package kz.shlyuz.gateway.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The journal's SQL and how its parameters and rows map, shared by {@link JdbcJournal} (one
 * auto-committed statement per operation) and {@link JournalBatch} (the same statements batched
 * in one transaction): a change to a table is made here once.
 */
final class JournalStatements {
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    // --- message_claim -----------------------------------------------------------------------------

    static final String INSERT_CLAIM = "INSERT INTO message_claim "
            + "(sender, message_id, content_sha256, service_id, state, claimed_at) VALUES (?, ?, ?, ?, ?, ?)";

    static final String SELECT_CLAIM = "SELECT content_sha256, state, claimed_at, response "
            + "FROM message_claim WHERE sender = ? AND message_id = ?";

    /** Takes over a stale claim: the first node to update it wins. */
    static final String TAKE_OVER = "UPDATE message_claim SET claimed_at = ? "
            + "WHERE sender = ? AND message_id = ? AND state = ? AND claimed_at = ?";

    static final String COMPLETE = "UPDATE message_claim SET state = ?, response = ?, completed_at = ? "
            + "WHERE sender = ? AND message_id = ?";

    static final String RELEASE = "DELETE FROM message_claim WHERE sender = ? AND message_id = ? AND state = ?";

    static final String COMPLETE_IN_PROGRESS = "UPDATE message_claim SET state = 'COMPLETED', response = ?, "
            + "completed_at = ? WHERE sender = ? AND message_id = ? AND state = 'IN_PROGRESS'";

    static final String INSERT_COMPLETED_IF_ABSENT = "INSERT INTO message_claim "
            + "(sender, message_id, content_sha256, service_id, state, claimed_at, completed_at, response) "
            + "SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
            + "'COMPLETED', CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS BYTEA) WHERE NOT EXISTS (SELECT 1 FROM message_claim WHERE sender = ? AND message_id = ?)";

    // --- journal_entry -----------------------------------------------------------------------------

    static final String INSERT_ENTRY = "INSERT INTO journal_entry (received_at, finished_at, "
            + "sender, message_id, service_id, content_sha256, signers, outcome, reason, grpc_code, detail, "
            + "agency, verify_micros, agency_micros, total_micros) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String ENTRIES_OF_MESSAGE =
            "SELECT * FROM journal_entry WHERE sender = ? AND message_id = ? " + "ORDER BY id";

    static final String RECENT_ENTRIES = "SELECT * FROM journal_entry ORDER BY id DESC";

    private JournalStatements() {}

    static void bindClaim(
            PreparedStatement insert,
            String sender,
            String messageId,
            String contentSha256,
            String serviceId,
            Instant now)
            throws SQLException {
        insert.setString(1, sender);
        insert.setString(2, messageId);
        insert.setString(3, contentSha256);
        insert.setString(4, serviceId);
        insert.setString(5, IN_PROGRESS);
        insert.setTimestamp(6, Timestamp.from(now));
    }

    static void bindCompletion(PreparedStatement update, String sender, String messageId, byte[] response, Instant now)
            throws SQLException {
        update.setBytes(1, response);
        update.setTimestamp(2, Timestamp.from(now));
        update.setString(3, sender);
        update.setString(4, messageId);
    }

    static void bindCompleted(
            PreparedStatement insert,
            String sender,
            String messageId,
            String contentSha256,
            String serviceId,
            byte[] response,
            Instant now)
            throws SQLException {
        insert.setString(1, sender);
        insert.setString(2, messageId);
        insert.setString(3, contentSha256);
        insert.setString(4, serviceId);
        insert.setTimestamp(5, Timestamp.from(now));
        insert.setTimestamp(6, Timestamp.from(now));
        insert.setBytes(7, response);
        insert.setString(8, sender);
        insert.setString(9, messageId);
    }

    static void bindEntry(PreparedStatement insert, JournalEntry e) throws SQLException {
        insert.setTimestamp(1, Timestamp.from(e.receivedAt()));
        insert.setTimestamp(2, Timestamp.from(e.finishedAt()));
        insert.setString(3, clip(e.sender(), 64));
        insert.setString(4, clip(e.messageId(), 64));
        insert.setString(5, clip(e.serviceId(), 64));
        insert.setString(6, e.contentSha256());
        insert.setString(7, clip(e.signers(), 1024));
        insert.setString(8, e.outcome().name());
        insert.setString(9, e.reason());
        insert.setString(10, e.grpcCode());
        insert.setString(11, clip(e.detail(), 512));
        insert.setString(12, clip(e.agency(), 32));
        setMicros(insert, 13, e.verifyMicros());
        setMicros(insert, 14, e.agencyMicros());
        setMicros(insert, 15, e.totalMicros());
    }

    /** The entry on the current row of a {@code SELECT *} of journal_entry. */
    static JournalEntry readEntry(ResultSet rs) throws SQLException {
        return new JournalEntry(
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(),
                rs.getString("sender"),
                rs.getString("message_id"),
                rs.getString("service_id"),
                rs.getString("content_sha256"),
                rs.getString("signers"),
                JournalEntry.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"),
                rs.getString("grpc_code"),
                rs.getString("detail"),
                rs.getString("agency"),
                rs.getLong("verify_micros"),
                rs.getLong("agency_micros"),
                rs.getLong("total_micros"));
    }

    private static void setMicros(PreparedStatement statement, int index, long micros) throws SQLException {
        if (micros < 0) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, micros);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
