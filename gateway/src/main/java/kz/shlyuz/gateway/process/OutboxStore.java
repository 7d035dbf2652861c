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
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
        tx.insert(INSERT, caseId, rowName, kind.name(), CaseIds.requestId(caseId, rowName), due);
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
     * The due rows, locked for this transaction. {@code FOR UPDATE SKIP LOCKED}: of several nodes
     * polling at the same moment each gets rows the others have not locked, instead of all reading
     * the same candidates and all but one losing the update (PostgreSQL). H2 2.2 accepts the same
     * clause; on H2 (one node, one poller) it changes nothing, so the one statement serves both.
     */
    private static final String DUE = "SELECT id, case_id, step_name, kind, request_id, attempts, due_at FROM "
            + "outbox WHERE state = " + PENDING + " AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?) "
            + "ORDER BY due_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    private static final String TAKE = "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?";

    /**
     * The rows of a heartbeat still this owner's and pending, locked without waiting: a row another
     * transaction holds (this node's case writer finishing it, or a node taking over an expired
     * lease) is skipped, so a heartbeat never waits for a group commit nor deadlocks with one.
     */
    private static String renewable(int rows) {
        return "SELECT id FROM outbox WHERE id IN (" + String.join(",", java.util.Collections.nCopies(rows, "?"))
                + ") AND state = " + PENDING + " AND lease_owner = ? FOR UPDATE SKIP LOCKED";
    }

    private static final String RENEW = "UPDATE outbox SET lease_until = ? WHERE id = ?";

    /**
     * Leases due rows for {@code owner}: pending, due by {@code now} (process time), and not leased or
     * leased by someone whose lease ran out (a crashed node), for {@code leaseFor} of wall-clock time.
     * The rows are selected and leased in one transaction holding their row locks, so no two nodes
     * lease the same row: a row leased by another node is locked (skipped) or, once committed, has a
     * lease in the future (not due).
     */
    List<OutboxItem> lease(String owner, Duration leaseFor, int limit, Instant now) {
        Instant wall = wallClock.instant();
        List<OutboxItem> leased = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(DUE)) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setTimestamp(2, Timestamp.from(wall));
                    s.setInt(3, limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            leased.add(new OutboxItem(
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
                if (!leased.isEmpty()) {
                    // All rows in one batch and one commit; they are locked by us, so each is ours.
                    try (PreparedStatement u = c.prepareStatement(TAKE)) {
                        for (OutboxItem item : leased) {
                            u.setString(1, owner);
                            u.setTimestamp(2, Timestamp.from(wall.plus(leaseFor)));
                            u.setLong(3, item.id());
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return leased;
        } catch (SQLException e) {
            throw new JournalException("outbox lease", e);
        }
    }

    /**
     * The heartbeat of rows in flight: extends {@code owner}'s lease of each row in {@code ids} that is
     * still pending and still {@code owner}'s to {@code leaseFor} from now (wall clock), so a slow
     * agency call keeps its row while a dead node's rows run out after one short lease. A row locked
     * by another transaction at that moment is left for the next beat (see {@link #renewable}).
     *
     * @return the rows renewed (fewer when a row finished meanwhile, was taken over, or was locked)
     */
    Set<Long> renew(String owner, Collection<Long> ids, Duration leaseFor) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Timestamp until = Timestamp.from(wallClock.instant().plus(leaseFor));
        Set<Long> renewed = new java.util.HashSet<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(renewable(ids.size()))) {
                    int i = 1;
                    for (long id : ids) {
                        s.setLong(i++, id);
                    }
                    s.setString(i, owner);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            renewed.add(rs.getLong(1));
                        }
                    }
                }
                if (!renewed.isEmpty()) {
                    try (PreparedStatement u = c.prepareStatement(RENEW)) {
                        for (long id : renewed) {
                            u.setTimestamp(1, until);
                            u.setLong(2, id);
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                c.commit();
                return renewed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("outbox lease renewal", e);
        }
    }
}
