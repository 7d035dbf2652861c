package kz.shlyuz.gateway.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.console.auth.Principal;
import kz.shlyuz.gateway.journal.JournalException;

/**
 * The console's append-only audit log ({@code console_audit}, migration V40): every state-changing
 * action and every unmasked read. This class can only insert and read; there is no path that
 * updates or deletes a row (on PostgreSQL, grant the gateway's role INSERT and SELECT on it only).
 * A write that fails fails the action: an action that cannot be audited is not done.
 */
public final class AuditLog {
    private static final String INSERT = "INSERT INTO console_audit (at, actor, role, action, target, remote, outcome) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, at, actor, role, action, target, remote, outcome FROM "
            + "console_audit ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";

    private final DataSource db;
    private final Clock clock;

    public AuditLog(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends one line; throws when it cannot be written. */
    public void record(Principal who, String action, String target, String outcome) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, who.username());
            s.setString(3, who.role().id());
            s.setString(4, action);
            s.setString(5, target == null ? null : clip(target));
            s.setString(6, who.remote());
            s.setString(7, outcome);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("console audit log", e);
        }
    }

    /** The newest lines first, {@code limit} of them after skipping {@code offset}. */
    public List<AuditEntry> recent(int offset, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setInt(1, offset);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("console audit log", e);
        }
    }

    private static String clip(String s) {
        return s.length() > 250 ? s.substring(0, 250) : s;
    }
}
