package kz.shlyuz.gateway.monitoring;

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
import kz.shlyuz.gateway.journal.JournalException;

/**
 * The leases of due stage reports ({@code FOR UPDATE SKIP LOCKED} on the wall clock, so several
 * nodes share the work and a dead node's leases run out).
 */
final class ReportLeases {
    private static final String DUE = "SELECT report_key, case_id, service_id, channel, event, stage, case_state, "
            + "happened_at, next_due_at, attempts FROM monitoring_report WHERE state = '" + StageReports.PENDING
            + "' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?) "
            // In order: nothing goes before an earlier report still waiting for its retry (the one
            // monitoring system was down for it, and it would otherwise receive a case's stages shuffled).
            + "AND feed_seq < (SELECT COALESCE(MIN(w.feed_seq), " + Long.MAX_VALUE + ") FROM monitoring_report w "
            + "WHERE w.state = '" + StageReports.PENDING + "' AND w.due_at > ?) ORDER BY feed_seq "
            + "FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    private ReportLeases() {}

    /** A leased report. */
    record Due(
            String key,
            String caseId,
            String serviceId,
            String channel,
            String event,
            int stage,
            String caseState,
            Instant happenedAt,
            Instant nextDueAt,
            int attempts) {}

    /** Leases up to {@code batch} due reports to {@code owner} for {@code lease}, oldest status first. */
    static List<Due> lease(DataSource db, String owner, Duration lease, int batch, Instant wall) {
        List<Due> leased = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(DUE)) {
                    s.setTimestamp(1, Timestamp.from(wall));
                    s.setTimestamp(2, Timestamp.from(wall));
                    s.setTimestamp(3, Timestamp.from(wall));
                    s.setInt(4, batch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Timestamp next = rs.getTimestamp(9);
                            leased.add(new Due(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getString(7),
                                    rs.getTimestamp(8).toInstant(),
                                    next == null ? null : next.toInstant(),
                                    rs.getInt(10)));
                        }
                    }
                }
                if (!leased.isEmpty()) {
                    try (PreparedStatement u = c.prepareStatement(
                            "UPDATE monitoring_report SET lease_owner = ?, lease_until = ? WHERE report_key = ?")) {
                        for (Due d : leased) {
                            u.setString(1, owner);
                            u.setTimestamp(2, Timestamp.from(wall.plus(lease)));
                            u.setString(3, d.key());
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
        } catch (SQLException e) {
            throw new JournalException("stage report lease", e);
        }
        return leased;
    }
}
