package kz.shlyuz.gateway.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.gateway.process.StageChange;

/**
 * Writes one report row per status message of a case, in the case's transaction: the outbox of
 * the monitoring system. The row's key comes from the status message's cursor, so it is the same
 * however often the report is sent, and a case's transaction that commits has its reports, once.
 * A report carries no personal data: service, case reference, channel, event, stage, state, times.
 */
public final class StageReports {
    /** The prefix of a report's key: {@code MON-<status cursor>}. */
    public static final String KEY_PREFIX = "MON-";

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    private static final String INSERT = "INSERT INTO monitoring_report (report_key, feed_seq, case_id, service_id, "
            + "channel, event, stage, case_state, happened_at, next_due_at, state, attempts, due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '" + PENDING + "', 0, ?)";

    private final Clock wallClock;

    /** @param wallClock when a new report is first due: at once, in real time */
    public StageReports(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** The stable key of the report of the status message with cursor {@code seq}. */
    public static String key(long seq) {
        return KEY_PREFIX + seq;
    }

    /** Writes the reports of {@code changes} on the transaction's connection {@code c}. */
    public void write(Connection c, List<StageChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(wallClock.instant());
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (StageChange change : changes) {
                s.setString(1, key(change.seq()));
                s.setLong(2, change.seq());
                s.setString(3, change.caseId());
                s.setString(4, change.serviceId());
                s.setString(5, change.sender());
                s.setString(6, change.event().name());
                s.setInt(7, change.stage() + 1);
                s.setString(8, change.state().name());
                s.setTimestamp(9, Timestamp.from(change.at()));
                s.setTimestamp(10, change.nextDue() == null ? null : Timestamp.from(change.nextDue()));
                s.setTimestamp(11, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
