package kz.shlyuz.gateway.registers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/** The audit of register exports ({@code register_export}): who exported what, when, where to and why. */
public final class ExportAudits {
    private ExportAudits() {}

    /** Records one export, in the export's transaction. */
    static void record(
            Connection c,
            Clock clock,
            Register register,
            LocalDate from,
            LocalDate to,
            int rows,
            String destination,
            String sha256,
            String actor,
            String purpose)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO register_export (exported_at, actor, register_name, "
                        + "from_date, to_date, row_count, destination, content_sha256, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            s.setString(2, clip(actor, 128));
            s.setString(3, register.id());
            s.setString(4, from == null ? null : from.toString());
            s.setString(5, to == null ? null : to.toString());
            s.setInt(6, rows);
            s.setString(7, clip(destination, 1024));
            s.setString(8, sha256);
            s.setString(9, purpose == null ? null : clip(purpose, 512));
            s.executeUpdate();
        }
    }

    /** One audited export, as {@code register_export} holds it. */
    public record Audit(
            Instant at,
            String actor,
            String register,
            String from,
            String to,
            int rows,
            String destination,
            String sha256,
            String purpose) {}

    /** The exports so far, oldest first. */
    static List<Audit> read(DataSource db) {
        List<Audit> audits = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT exported_at, actor, register_name, from_date, "
                        + "to_date, row_count, destination, content_sha256, purpose FROM register_export ORDER BY id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                audits.add(new Audit(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new JournalException("register exports", e);
        }
        return audits;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
