package kz.shlyuz.gateway.console.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.EvidenceItem;
import kz.shlyuz.gateway.evidence.EvidenceLog;
import kz.shlyuz.gateway.journal.JournalException;

/** Builds a {@link MessageView} from the journal, the evidence archive and the cases. */
public final class MessageDetails {
    private static final String RECORD = "SELECT node_id, seq, mode, outcome, decision, received_at, finished_at, "
            + "verify_micros, agency_micros, total_micros, request_sha256, answer_sha256, revocation_sha256, digest, "
            + "retain_until, request_cms, key_id, case_id, kind, answer FROM evidence_record WHERE message_id = ?";
    private static final String STAMP = "SELECT MIN(stamped_at) FROM evidence_stamp WHERE node_id = ? AND seq >= ?";
    private static final String CASE = "SELECT case_id, state FROM process_case WHERE message_id = ?";

    private final DataSource db;
    private final JournalSearch journal;
    private final BodyCipher cipher;

    public MessageDetails(DataSource db, BodyCipher cipher) {
        this.db = db;
        this.journal = new JournalSearch(db);
        this.cipher = cipher;
    }

    /**
     * The message's view, or null when neither the journal nor the evidence archive knows it.
     *
     * @param sender narrows to one sender's message (ids are unique per sender); null: any
     * @param unmask show the signers' IINs in full (the caller audits the view)
     */
    public MessageView find(String messageId, String sender, boolean unmask) {
        List<JournalRow> timeline = journal.message(messageId, sender);
        try (Connection c = db.getConnection()) {
            MessageView.Evidence evidence = null;
            List<SignerView> signers = List.of();
            AnswerView answer = AnswerView.notKept("NO_RECORD");
            String caseId = null;
            try (PreparedStatement s = c.prepareStatement(RECORD + (sender == null ? "" : " AND sender = ?")
                    + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, messageId);
                if (sender != null) {
                    s.setString(2, sender);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        evidence = new MessageView.Evidence(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7).toInstant(),
                                rs.getLong(8),
                                rs.getLong(9),
                                rs.getLong(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13),
                                rs.getString(14),
                                stampedAt(c, rs.getString(1), rs.getLong(2)),
                                rs.getTimestamp(15).toInstant());
                        byte[] stored = rs.getBytes(16);
                        byte[] cms = stored == null
                                ? null
                                : cipher.open(stored, rs.getString(17), EvidenceLog.Parts.REQUEST_CMS);
                        signers = cms == null ? List.of() : CmsSigners.of(cms, unmask);
                        caseId = rs.getString(18);
                        answer = answer(evidence, rs.getString(19), rs.getBytes(20), rs.getString(17), unmask);
                    }
                }
            }
            String caseState = null;
            try (PreparedStatement s = c.prepareStatement(CASE + (sender == null ? "" : " AND sender = ?"))) {
                s.setString(1, messageId);
                if (sender != null) {
                    s.setString(2, sender);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        caseId = rs.getString(1);
                        caseState = rs.getString(2);
                    }
                }
            }
            if (timeline.isEmpty() && evidence == null) {
                return null;
            }
            return new MessageView(messageId, timeline, evidence, signers, answer, caseId, caseState);
        } catch (SQLException e) {
            throw new JournalException("console message look-up", e);
        }
    }

    /** The answer's view, or why there is none to show. */
    private AnswerView answer(MessageView.Evidence evidence, String kind, byte[] stored, String keyId, boolean unmask) {
        if (EvidenceSettings.Mode.METADATA.name().equals(evidence.mode())) {
            return AnswerView.notKept("METADATA_MODE");
        }
        if (EvidenceItem.Kind.SUBMIT.name().equals(kind)
                || EvidenceItem.Kind.OBJECTION.name().equals(kind)) {
            return AnswerView.notKept("ACKNOWLEDGEMENT");
        }
        if (stored == null) {
            return AnswerView.notKept("NO_ANSWER");
        }
        return AnswerEvidence.of(cipher.open(stored, keyId, EvidenceLog.Parts.ANSWER), unmask);
    }

    private static java.time.Instant stampedAt(Connection c, String node, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STAMP)) {
            s.setString(1, node);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            }
        }
    }
}
