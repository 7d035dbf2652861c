package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/**
 * The SQL of the {@code outbox} table: rows of work (agency calls and timers) that are due by the
 * process clock and leased by wall-clock time, so a crashed node's leases run out in real time
 * however the process clock runs. In the shape of db-scheduler's {@code TaskRepository}: insert,
 * lease the due, mark done, reschedule, give up. Methods taking a {@link Tx} run in the caller's
 * transaction.
 */
final class OutboxStore {
    private static final String PENDING = "'" + OutboxState.PENDING + "'";
    // Constants: a group of cases runs these many times, and Tx keys its prepared statements by text.
    private static final String INSERT = "INSERT INTO outbox (case_id, step_name, kind, request_id, state, due_at, "
            + "attempts) VALUES (?, ?, ?, ?, " + PENDING + ", ?, 0)";
    private static final String CANCEL = "UPDATE outbox SET state = '" + OutboxState.CANCELLED + "' WHERE case_id = ? "
            + "AND step_name = ? AND state = " + PENDING;
    private static final String CANCEL_ALL =
            "UPDATE outbox SET state = '" + OutboxState.CANCELLED + "' WHERE " + "case_id = ? AND state = " + PENDING;
    private static final String DONE = "UPDATE outbox SET state = '" + OutboxState.DONE + "', lease_until = NULL "
            + "WHERE id = ? AND state = " + PENDING + " AND lease_owner = ?";
    private static final String DONE_COUNTED = "UPDATE outbox SET state = '" + OutboxState.DONE + "', lease_until = "
            + "NULL, attempts = attempts + 1 WHERE id = ? AND state = " + PENDING + " AND lease_owner = ?";

    private final DataSource db;
    private final Clock wallClock;

    /** @param wallClock the clock of leases: the system clock (not the process clock, which tests move) */
    OutboxStore(DataSource db, Clock wallClock) {
        this.db = db;
        this.wallClock = wallClock;
    }

    /** A new row of {@code kind} for {@code step} of the case, due at {@code due}. */
    void insert(Tx tx, String caseId, String step, OutboxKind kind, Instant due) throws SQLException {
        String rowName = kind.rowName(step);
        tx.update(INSERT, caseId, rowName, kind.name(), CaseIds.requestId(caseId, rowName), due);
    }

    /** Cancels the pending row named {@code rowName} of the case (a call or a timer). */
    void cancel(Tx tx, String caseId, String rowName) throws SQLException {
        tx.update(CANCEL, caseId, rowName);
    }

    /** Cancels every pending row of the case (it finished: nothing is left to wait for). */
    void cancelAll(Tx tx, String caseId) throws SQLException {
        tx.update(CANCEL_ALL, caseId);
    }

    /**
     * Marks {@code item} done if it is still pending and leased by {@code owner}; false when someone
     * else took it over (our lease ran out), whose result then stands.
     *
     * @param attempted the row was an agency call: count the attempt
     */
    boolean markDone(Tx tx, OutboxItem item, String owner, boolean attempted) throws SQLException {
        return tx.update(attempted ? DONE_COUNTED : DONE, item.id(), owner) == 1;
    }

    /** Releases {@code item} to run again at {@code next}, counting the failed attempt; false if no longer ours. */
    boolean reschedule(Tx tx, OutboxItem item, String owner, Instant next, String error) throws SQLException {
        return tx.update(
                        "UPDATE outbox SET attempts = attempts + 1, due_at = ?, lease_owner = NULL, "
                                + "lease_until = NULL, last_error = ? WHERE id = ? AND state = " + PENDING
                                + " AND lease_owner = ?",
                        next,
                        clipError(error),
                        item.id(),
                        owner)
                == 1;
    }

    /** The dead letter: {@code item} is given up, with its last error; false if no longer ours. */
    boolean giveUp(Tx tx, OutboxItem item, String owner, String error) throws SQLException {
        return tx.update(
                        "UPDATE outbox SET state = '" + OutboxState.FAILED + "', attempts = attempts + 1, "
                                + "lease_owner = NULL, lease_until = NULL, last_error = ? WHERE id = ? AND state = "
                                + PENDING
                                + " AND lease_owner = ?",
                        clipError(error),
                        item.id(),
                        owner)
                == 1;
    }

    private static String clipError(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }

    /**
     * Leases due rows for {@code owner}: pending, due by {@code now} (process time), and not leased or
     * leased by someone whose lease ran out (a crashed node), for {@code leaseFor} of wall-clock time.
     */
    List<OutboxItem> lease(String owner, Duration leaseFor, int limit, Instant now) {
        Instant wall = wallClock.instant();
        List<OutboxItem> candidates = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, case_id, step_name, kind, request_id, attempts, "
                    + "due_at FROM outbox WHERE state = " + PENDING + " AND due_at <= ? AND (lease_until IS NULL OR "
                    + "lease_until < ?) ORDER BY due_at, id")) {
                s.setMaxRows(limit);
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(wall));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new OutboxItem(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                OutboxKind.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            // All rows in one batch and one commit; each row's count says whether it was still free.
            int[] counts;
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET lease_owner = ?, lease_until = ? "
                    + "WHERE id = ? AND state = " + PENDING + " AND (lease_until IS NULL OR lease_until < ?)")) {
                for (OutboxItem item : candidates) {
                    u.setString(1, owner);
                    u.setTimestamp(2, Timestamp.from(wall.plus(leaseFor)));
                    u.setLong(3, item.id());
                    u.setTimestamp(4, Timestamp.from(wall));
                    u.addBatch();
                }
                counts = u.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            List<OutboxItem> leased = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (counts[i] == 1) {
                    leased.add(candidates.get(i));
                }
            }
            return leased;
        } catch (SQLException e) {
            throw new JournalException("outbox lease", e);
        }
    }
}
