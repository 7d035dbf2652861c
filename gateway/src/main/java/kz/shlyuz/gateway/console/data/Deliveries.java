package kz.shlyuz.gateway.console.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/** The outbox's calls that need an operator's eye, and the unacknowledged completion notices. */
public final class Deliveries {
    private static final String ROWS = "SELECT o.id, o.case_id, o.step_name, s.adapter, o.state, o.attempts, "
            + "o.last_error, o.due_at, o.lease_until FROM outbox o LEFT JOIN process_step s ON s.case_id = o.case_id "
            + "AND s.step_name = o.step_name WHERE o.kind = 'CALL' AND (o.state = 'FAILED' OR (o.state = 'PENDING' "
            + "AND (o.attempts > 0 OR o.lease_until < ?))) ORDER BY o.id FETCH FIRST 500 ROWS ONLY";
    private static final String NOTICES = "SELECT sender, COUNT(*), MIN(finished_at) FROM completion_notice WHERE "
            + "acknowledged_at IS NULL GROUP BY sender ORDER BY sender";

    private final DataSource db;
    private final Clock wallClock;

    /**
     * Reads the outbox of {@code db}.
     *
     * @param wallClock the clock of leases (the system clock), by which a lease ran out
     */
    public Deliveries(DataSource db, Clock wallClock) {
        this.db = db;
        this.wallClock = wallClock;
    }

    public List<DeliveryView> open() {
        Instant wall = wallClock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(ROWS)) {
            s.setTimestamp(1, Timestamp.from(wall));
            List<DeliveryView> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean failed = rs.getString(5).equals("FAILED");
                    Timestamp lease = rs.getTimestamp(9);
                    String status = failed
                            ? "FAILED"
                            : lease != null && lease.toInstant().isBefore(wall) ? "STUCK" : "RETRYING";
                    out.add(new DeliveryView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            status,
                            rs.getInt(6),
                            rs.getString(7),
                            failed ? null : rs.getTimestamp(8).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("console deliveries", e);
        }
    }

    public List<PendingNotices> unacknowledged() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(NOTICES);
                ResultSet rs = s.executeQuery()) {
            List<PendingNotices> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new PendingNotices(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("console notices", e);
        }
    }
}
