package kz.shlyuz.gateway.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One link of a node's chain as stored: the metadata the digest covers, the SHA-256 of each body
 * (of the plaintext), and the link itself. The bodies travel beside it ({@link Bodies}).
 *
 * <p>The content hash is SHA-256 over a fixed, length-prefixed encoding of the fields in
 * {@link #fields()} order (docs/EVIDENCE.md gives it); the sequence number is not part of it, so
 * that a record inserted into the chain shows as an inserted record, not as every later record
 * changed. Instants are kept to the microsecond, as both databases store them.
 */
public record EvidenceRecord(
        String nodeId,
        long seq,
        String kind,
        String mode,
        String sender,
        String messageId,
        String serviceId,
        String caseId,
        String outcome,
        String reason,
        String decision,
        Instant receivedAt,
        Instant finishedAt,
        long verifyMicros,
        long agencyMicros,
        long totalMicros,
        Instant retainUntil,
        String requestSha256,
        String requestCmsSha256,
        String answerSha256,
        String revocationSha256,
        String keyId,
        String prevDigest,
        String digest) {

    /** The names of {@link #fields()}, in order. */
    public static final java.util.List<String> FIELD_NAMES = java.util.List.of(
            "version",
            "node_id",
            "kind",
            "mode",
            "sender",
            "message_id",
            "service_id",
            "case_id",
            "outcome",
            "reason",
            "decision",
            "received_at",
            "finished_at",
            "verify_micros",
            "agency_micros",
            "total_micros",
            "retain_until",
            "request_sha256",
            "request_cms_sha256",
            "answer_sha256",
            "revocation_sha256");

    /** Format version of the canonical encoding. */
    public static final int VERSION = 1;

    public EvidenceRecord {
        receivedAt = micros(receivedAt);
        finishedAt = micros(finishedAt);
        retainUntil = micros(retainUntil);
        sender = clip(sender);
        messageId = clip(messageId);
        serviceId = clip(serviceId);
        caseId = clip(caseId);
        reason = clip(reason);
    }

    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The fields the content hash covers, in order, as text ({@code null} for absent). */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", Integer.toString(VERSION));
        f.put("node_id", nodeId);
        f.put("kind", kind);
        f.put("mode", mode);
        f.put("sender", sender);
        f.put("message_id", messageId);
        f.put("service_id", serviceId);
        f.put("case_id", caseId);
        f.put("outcome", outcome);
        f.put("reason", reason);
        f.put("decision", decision);
        f.put("received_at", receivedAt.toString());
        f.put("finished_at", finishedAt.toString());
        f.put("verify_micros", Long.toString(verifyMicros));
        f.put("agency_micros", Long.toString(agencyMicros));
        f.put("total_micros", Long.toString(totalMicros));
        f.put("retain_until", retainUntil.toString());
        f.put("request_sha256", requestSha256);
        f.put("request_cms_sha256", requestCmsSha256);
        f.put("answer_sha256", answerSha256);
        f.put("revocation_sha256", revocationSha256);
        return f;
    }

    /** SHA-256 of the canonical encoding: per field, a presence byte, then length and UTF-8 bytes. */
    public byte[] contentHash() {
        return contentHash(fields());
    }

    /** The content hash of fields as {@link #fields()} gives them (the offline verifier reads them from a file). */
    public static byte[] contentHash(Map<String, String> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                if (e.getValue() == null) {
                    out.writeByte(0);
                } else {
                    byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
                    out.writeByte(1);
                    out.writeInt(value.length);
                    out.write(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Digests.sha256().digest(bytes.toByteArray());
    }

    /** The digest this record's content and previous digest give. */
    public String computedDigest() {
        return Digests.link(prevDigest, contentHash());
    }

    public EvidenceRecord linked(long newSeq, String newPrev) {
        EvidenceRecord r = new EvidenceRecord(
                nodeId,
                newSeq,
                kind,
                mode,
                sender,
                messageId,
                serviceId,
                caseId,
                outcome,
                reason,
                decision,
                receivedAt,
                finishedAt,
                verifyMicros,
                agencyMicros,
                totalMicros,
                retainUntil,
                requestSha256,
                requestCmsSha256,
                answerSha256,
                revocationSha256,
                keyId,
                newPrev,
                null);
        return r.withDigest(r.computedDigest());
    }

    public EvidenceRecord withDigest(String newDigest) {
        return new EvidenceRecord(
                nodeId,
                seq,
                kind,
                mode,
                sender,
                messageId,
                serviceId,
                caseId,
                outcome,
                reason,
                decision,
                receivedAt,
                finishedAt,
                verifyMicros,
                agencyMicros,
                totalMicros,
                retainUntil,
                requestSha256,
                requestCmsSha256,
                answerSha256,
                revocationSha256,
                keyId,
                prevDigest,
                newDigest);
    }

    static final String COLUMNS = "node_id, seq, kind, mode, sender, message_id, service_id, case_id, outcome, "
            + "reason, decision, received_at, finished_at, verify_micros, agency_micros, total_micros, retain_until, "
            + "request_sha256, request_cms_sha256, answer_sha256, revocation_sha256, key_id, prev_digest, digest";

    static final String INSERT = "INSERT INTO evidence_record (" + COLUMNS
            + ", request_content, request_cms, answer, revocation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Binds columns 1–24 of {@link #INSERT}. */
    void bind(PreparedStatement s) throws SQLException {
        int i = 1;
        s.setString(i++, nodeId);
        s.setLong(i++, seq);
        s.setString(i++, kind);
        s.setString(i++, mode);
        s.setString(i++, sender);
        s.setString(i++, messageId);
        s.setString(i++, serviceId);
        s.setString(i++, caseId);
        s.setString(i++, outcome);
        s.setString(i++, reason);
        s.setString(i++, decision);
        s.setTimestamp(i++, Timestamp.from(receivedAt));
        s.setTimestamp(i++, Timestamp.from(finishedAt));
        s.setLong(i++, verifyMicros);
        s.setLong(i++, agencyMicros);
        s.setLong(i++, totalMicros);
        s.setTimestamp(i++, Timestamp.from(retainUntil));
        s.setString(i++, requestSha256);
        s.setString(i++, requestCmsSha256);
        s.setString(i++, answerSha256);
        s.setString(i++, revocationSha256);
        s.setString(i++, keyId);
        s.setString(i++, prevDigest);
        s.setString(i, digest);
    }

    /** Reads the {@link #COLUMNS} of the current row. */
    static EvidenceRecord read(ResultSet rs) throws SQLException {
        return new EvidenceRecord(
                rs.getString("node_id"),
                rs.getLong("seq"),
                rs.getString("kind"),
                rs.getString("mode"),
                rs.getString("sender"),
                rs.getString("message_id"),
                rs.getString("service_id"),
                rs.getString("case_id"),
                rs.getString("outcome"),
                rs.getString("reason"),
                rs.getString("decision"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(),
                rs.getLong("verify_micros"),
                rs.getLong("agency_micros"),
                rs.getLong("total_micros"),
                rs.getTimestamp("retain_until").toInstant(),
                rs.getString("request_sha256"),
                rs.getString("request_cms_sha256"),
                rs.getString("answer_sha256"),
                rs.getString("revocation_sha256"),
                rs.getString("key_id"),
                rs.getString("prev_digest"),
                rs.getString("digest"));
    }

    /** Identifiers are bounded before they reach the database; the hash covers the stored value. */
    static String clip(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64);
    }
}
