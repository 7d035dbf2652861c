package kz.shlyuz.gateway.notices;

import com.google.protobuf.util.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.proto.v1.CompletionNotice;

/** Unacknowledged notices per sender; delivery counts; acknowledgements. */
public final class NoticeStore {
    private final DataSource db;

    public NoticeStore(DataSource db) {
        this.db = db;
    }

    /** Unacknowledged notices of {@code sender} not among {@code alreadySent}, oldest first. */
    public List<CompletionNotice> pending(String sender, java.util.Set<String> alreadySent, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT notice_id, case_id, message_id, service_id, outcome, "
                        + "reference, text_kk, text_ru, finished_at, deliveries FROM completion_notice WHERE sender = ? "
                        + "AND acknowledged_at IS NULL ORDER BY finished_at, notice_id")) {
            s.setString(1, sender);
            List<CompletionNotice> notices = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && notices.size() < limit) {
                    if (alreadySent.contains(rs.getString(1))) {
                        continue;
                    }
                    CompletionNotice.Builder n = CompletionNotice.newBuilder()
                            .setNoticeId(rs.getString(1))
                            .setCaseId(rs.getString(2))
                            .setMessageId(rs.getString(3))
                            .setServiceId(rs.getString(4))
                            .setOutcome(rs.getString(5))
                            .setTextKk(rs.getString(7))
                            .setTextRu(rs.getString(8))
                            .setFinishedAt(
                                    Timestamps.fromMillis(rs.getTimestamp(9).getTime()))
                            .setDelivery(rs.getInt(10) + 1);
                    if (rs.getString(6) != null) {
                        n.setReference(rs.getString(6));
                    }
                    notices.add(n.build());
                }
            }
            return notices;
        } catch (SQLException e) {
            throw new JournalException("notices", e);
        }
    }

    /** Counts a delivery attempt (shown to the receiver as {@code delivery}). */
    public void delivered(String noticeId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE completion_notice SET deliveries = deliveries + 1 WHERE notice_id = ?")) {
            s.setString(1, noticeId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("notice delivered", e);
        }
    }

    /**
     * Marks a notice of {@code sender} as read.
     *
     * @return false when no such notice belongs to {@code sender}
     */
    public boolean acknowledge(String sender, String noticeId, Instant at) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE completion_notice SET acknowledged_at = "
                        + "COALESCE(acknowledged_at, ?) WHERE notice_id = ? AND sender = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, noticeId);
            s.setString(3, sender);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new JournalException("notice acknowledge", e);
        }
    }
}
