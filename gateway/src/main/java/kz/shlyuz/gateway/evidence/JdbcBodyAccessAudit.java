package kz.shlyuz.gateway.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** {@link BodyAccessAudit} as rows of {@code evidence_audit}; a read that cannot be audited does not happen. */
public final class JdbcBodyAccessAudit implements BodyAccessAudit {
    private final DataSource dataSource;

    public JdbcBodyAccessAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bodyRead(
            Instant at,
            String actor,
            String action,
            String nodeId,
            long seq,
            String sender,
            String messageId,
            String purpose) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO evidence_audit (at, actor, action, node_id, seq, sender, message_id, purpose) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, actor.length() > 128 ? actor.substring(0, 128) : actor);
            insert.setString(3, action);
            insert.setString(4, nodeId);
            insert.setLong(5, seq);
            insert.setString(6, sender);
            insert.setString(7, messageId);
            insert.setString(8, purpose == null || purpose.length() <= 512 ? purpose : purpose.substring(0, 512));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new EvidenceException("the body read could not be audited, so it is not done", e);
        }
    }
}
