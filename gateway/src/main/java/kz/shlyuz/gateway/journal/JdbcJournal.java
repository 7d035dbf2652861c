package kz.shlyuz.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link Journal} over JDBC. Each operation is one auto-committed statement (or a short read then
 * write), so a call's record is durable when the method returns. Claims rely on the primary key:
 * of two nodes inserting the same (sender, message id), exactly one succeeds.
 */
public final class JdbcJournal implements Journal {
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DataSource dataSource;
    private final Duration claimLease;
    private final AutoCloseable onClose;

    /**
     * @param claimLease how long an unfinished claim blocks a retry before another call may take
     *     it over (longer than any call's deadline)
     * @param onClose closes the data source when the journal is closed
     */
    public JdbcJournal(DataSource dataSource, Duration claimLease, AutoCloseable onClose) {
        this.dataSource = dataSource;
        this.claimLease = claimLease;
        this.onClose = onClose;
    }

    @Override
    public Claim claim(String sender, String messageId, String contentSha256, String serviceId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO message_claim "
                    + "(sender, message_id, content_sha256, service_id, state, claimed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sender);
                insert.setString(2, messageId);
                insert.setString(3, contentSha256);
                insert.setString(4, serviceId);
                insert.setString(5, IN_PROGRESS);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
                return new Claim.Claimed();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return existing(c, sender, messageId, contentSha256, now);
        } catch (SQLException e) {
            throw new JournalException("claim", e);
        }
    }

    /**
     * What the journal already holds for a message, without claiming it: null when it has no row,
     * else what {@link #claim} would answer for that row (a stale claim is taken over).
     */
    Claim recorded(String sender, String messageId, String contentSha256, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return existing(c, sender, messageId, contentSha256, now, null);
        } catch (SQLException e) {
            throw new JournalException("claim", e);
        }
    }

    /**
     * Records an answer whether or not the message has a claim row: completes an in-progress row,
     * or inserts a completed one. False when another call recorded an answer first.
     */
    boolean record(String sender, String messageId, String contentSha256, String serviceId, byte[] response,
            Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean recorded = completeInProgress(c, sender, messageId, response, now) == 1
                        || insertCompleted(c, sender, messageId, contentSha256, serviceId, response, now) == 1;
                c.commit();
                return recorded;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("complete", e);
        }
    }

    /** Completes an in-progress claim row; the number of rows changed (0 or 1). */
    static int completeInProgress(Connection c, String sender, String messageId, byte[] response, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(COMPLETE_IN_PROGRESS)) {
            bindCompletion(update, sender, messageId, response, now);
            return update.executeUpdate();
        }
    }

    /** Inserts a completed row unless the message has one; the number of rows inserted (0 or 1). */
    static int insertCompleted(Connection c, String sender, String messageId, String contentSha256,
            String serviceId, byte[] response, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_COMPLETED_IF_ABSENT)) {
            bindCompleted(insert, sender, messageId, contentSha256, serviceId, response, now);
            return insert.executeUpdate();
        }
    }

    static final String COMPLETE_IN_PROGRESS = "UPDATE message_claim SET state = 'COMPLETED', response = ?, "
            + "completed_at = ? WHERE sender = ? AND message_id = ? AND state = 'IN_PROGRESS'";

    static void bindCompletion(PreparedStatement update, String sender, String messageId, byte[] response,
            Instant now) throws SQLException {
        update.setBytes(1, response);
        update.setTimestamp(2, Timestamp.from(now));
        update.setString(3, sender);
        update.setString(4, messageId);
    }

    static final String INSERT_COMPLETED_IF_ABSENT = "INSERT INTO message_claim "
            + "(sender, message_id, content_sha256, service_id, state, claimed_at, completed_at, response) "
            + "SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
            + "'COMPLETED', CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS BYTEA) WHERE NOT EXISTS (SELECT 1 FROM message_claim WHERE sender = ? AND message_id = ?)";

    static void bindCompleted(PreparedStatement insert, String sender, String messageId, String contentSha256,
            String serviceId, byte[] response, Instant now) throws SQLException {
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

    private Claim existing(Connection c, String sender, String messageId, String contentSha256, Instant now)
            throws SQLException {
        // Released between our insert and select: the caller may simply retry.
        return existing(c, sender, messageId, contentSha256, now, new Claim.InProgress());
    }

    private Claim existing(Connection c, String sender, String messageId, String contentSha256, Instant now,
            Claim whenAbsent) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT content_sha256, state, claimed_at, response "
                + "FROM message_claim WHERE sender = ? AND message_id = ?")) {
            select.setString(1, sender);
            select.setString(2, messageId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return whenAbsent;
                }
                if (!rs.getString(1).equals(contentSha256)) {
                    return new Claim.Conflict();
                }
                if (COMPLETED.equals(rs.getString(2))) {
                    return new Claim.Completed(rs.getBytes(4));
                }
                Timestamp claimedAt = rs.getTimestamp(3);
                if (claimedAt.toInstant().plus(claimLease).isAfter(now)) {
                    return new Claim.InProgress();
                }
                return takeOver(c, sender, messageId, claimedAt, now);
            }
        }
    }

    /** A claim whose lease ran out belongs to a call that died; the first to update it wins. */
    private static Claim takeOver(Connection c, String sender, String messageId, Timestamp staleClaim, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE message_claim SET claimed_at = ? "
                + "WHERE sender = ? AND message_id = ? AND state = ? AND claimed_at = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, sender);
            update.setString(3, messageId);
            update.setString(4, IN_PROGRESS);
            update.setTimestamp(5, staleClaim);
            return update.executeUpdate() == 1 ? new Claim.Claimed() : new Claim.InProgress();
        }
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE message_claim SET state = ?, response = ?, "
                        + "completed_at = ? WHERE sender = ? AND message_id = ?")) {
            update.setString(1, COMPLETED);
            update.setBytes(2, response);
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, sender);
            update.setString(5, messageId);
            if (update.executeUpdate() != 1) {
                throw new JournalException("complete: no claim for the message", null);
            }
        } catch (SQLException e) {
            throw new JournalException("complete", e);
        }
    }

    @Override
    public void release(String sender, String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM message_claim WHERE sender = ? AND message_id = ? AND state = ?")) {
            delete.setString(1, sender);
            delete.setString(2, messageId);
            delete.setString(3, IN_PROGRESS);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("release", e);
        }
    }

    @Override
    public void append(JournalEntry e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_ENTRY)) {
            bindEntry(insert, e);
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new JournalException("append", ex);
        }
    }

    /** The statement {@link #bindEntry} fills: shared with {@link GroupCommitJournal}'s batches. */
    static final String INSERT_ENTRY = "INSERT INTO journal_entry (received_at, finished_at, "
            + "sender, message_id, service_id, content_sha256, signers, outcome, reason, grpc_code, detail, "
            + "agency, verify_micros, agency_micros, total_micros) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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

    @Override
    public List<JournalEntry> entries(String sender, String messageId) {
        return query("SELECT * FROM journal_entry WHERE sender = ? AND message_id = ? ORDER BY id", 1000,
                sender, messageId);
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        return query("SELECT * FROM journal_entry ORDER BY id DESC", limit);
    }

    private List<JournalEntry> query(String sql, int limit, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setMaxRows(limit);
            for (int i = 0; i < params.length; i++) {
                select.setString(i + 1, params[i]);
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new JournalEntry(
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
                            rs.getLong("total_micros")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new JournalException("query", e);
        }
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

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new JournalException("close", e);
        }
    }
}
