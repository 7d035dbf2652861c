package kz.shlyuz.gateway.journal;

import com.google.protobuf.UnsafeByteOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    private static final String IN_PROGRESS = JournalStatements.IN_PROGRESS;
    private static final String COMPLETED = JournalStatements.COMPLETED;

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
            try (PreparedStatement insert = c.prepareStatement(JournalStatements.INSERT_CLAIM)) {
                JournalStatements.bindClaim(insert, sender, messageId, contentSha256, serviceId, now);
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
    boolean record(
            String sender, String messageId, String contentSha256, String serviceId, byte[] response, Instant now) {
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
        try (PreparedStatement update = c.prepareStatement(JournalStatements.COMPLETE_IN_PROGRESS)) {
            JournalStatements.bindCompletion(update, sender, messageId, response, now);
            return update.executeUpdate();
        }
    }

    /** Inserts a completed row unless the message has one; the number of rows inserted (0 or 1). */
    static int insertCompleted(
            Connection c,
            String sender,
            String messageId,
            String contentSha256,
            String serviceId,
            byte[] response,
            Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(JournalStatements.INSERT_COMPLETED_IF_ABSENT)) {
            JournalStatements.bindCompleted(insert, sender, messageId, contentSha256, serviceId, response, now);
            return insert.executeUpdate();
        }
    }

    private Claim existing(Connection c, String sender, String messageId, String contentSha256, Instant now)
            throws SQLException {
        // Released between our insert and select: the caller may simply retry.
        return existing(c, sender, messageId, contentSha256, now, new Claim.InProgress());
    }

    private Claim existing(
            Connection c, String sender, String messageId, String contentSha256, Instant now, Claim whenAbsent)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(JournalStatements.SELECT_CLAIM)) {
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
                    return new Claim.Completed(UnsafeByteOperations.unsafeWrap(rs.getBytes(4)));
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
        try (PreparedStatement update = c.prepareStatement(JournalStatements.TAKE_OVER)) {
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
                PreparedStatement update = c.prepareStatement(JournalStatements.COMPLETE)) {
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
                PreparedStatement delete = c.prepareStatement(JournalStatements.RELEASE)) {
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(JournalStatements.INSERT_ENTRY)) {
            JournalStatements.bindEntry(insert, e);
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new JournalException("append", ex);
        }
    }

    @Override
    public List<JournalEntry> entries(String sender, String messageId) {
        return query(JournalStatements.ENTRIES_OF_MESSAGE, 1000, sender, messageId);
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        return query(JournalStatements.RECENT_ENTRIES, limit);
    }

    private List<JournalEntry> query(String sql, int limit, String... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setMaxRows(limit);
            for (int i = 0; i < params.length; i++) {
                select.setString(i + 1, params[i]);
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(JournalStatements.readEntry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new JournalException("query", e);
        }
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
