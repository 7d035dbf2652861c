package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Writes one record as a self-contained ASiC-E container (ETSI EN 319 162: a zip whose first
 * entry is {@code mimetype}, stored, {@code application/vnd.etsi.asic-e+zip}, with
 * {@code META-INF/manifest.xml}): the signed request and its CMS, the answer with its signatures
 * or its batch seal, the revocation evidence, the chain links from the record to the next
 * time-stamped head and that time-stamp. docs/EVIDENCE.md lists the entries. Reading the bodies
 * is audited before it happens.
 */
public final class EvidenceExporter {
    public static final String MIMETYPE = "application/vnd.etsi.asic-e+zip";
    private final DataSource dataSource;
    private final BodyCipher cipher;
    private final BodyAccessAudit audit;
    private final Clock clock;

    public EvidenceExporter(DataSource dataSource, BodyCipher cipher, BodyAccessAudit audit, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which record: the newest not-replayed record of the message id (of the sender, when given). */
    public EvidenceRecord find(String messageId, String sender) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT "
                        + EvidenceRecord.COLUMNS + " FROM evidence_record WHERE message_id = ?"
                        + (sender == null ? "" : " AND sender = ?") + " ORDER BY seq")) {
            s.setString(1, messageId);
            if (sender != null) {
                s.setString(2, sender);
            }
            EvidenceRecord chosen = null;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    EvidenceRecord r = EvidenceRecord.read(rs);
                    if (chosen == null || !"REPLAYED".equals(r.outcome())) {
                        chosen = r;
                    }
                }
            }
            if (chosen == null) {
                throw new EvidenceException(
                        "no evidence record of message " + messageId
                                + " in the database (archived, kept as none, or never received)",
                        null);
            }
            return chosen;
        } catch (SQLException e) {
            throw new EvidenceException("cannot look the message up", e);
        }
    }

    /**
     * Writes the container of {@code record} to {@code out}.
     *
     * @param actor who exports, for the audit
     */
    public void export(EvidenceRecord record, Path out, String actor, String purpose) {
        try (Connection c = dataSource.getConnection()) {
            Stamp stamp = coveringStamp(c, record);
            audit.bodyRead(
                    clock.instant(),
                    actor,
                    "EXPORT",
                    record.nodeId(),
                    record.seq(),
                    record.sender(),
                    record.messageId(),
                    purpose);
            StoredRow[] row = new StoredRow[1];
            List<String> links = new ArrayList<>();
            links.add("prev " + record.prevDigest());
            StoredRow.stream(c, record.nodeId(), record.seq() - 1, stamp.seq(), r -> {
                if (r.record().seq() == record.seq()) {
                    row[0] = r;
                }
                links.add(r.record().seq() + " "
                        + HexFormat.of().formatHex(r.record().contentHash()) + " "
                        + r.record().digest());
            });
            if (row[0] == null) {
                throw new EvidenceException("record " + record.seq() + " vanished during the export", null);
            }
            write(c, row[0], links, stamp, out);
        } catch (SQLException | IOException e) {
            throw new EvidenceException("export of " + record.nodeId() + "#" + record.seq() + " failed", e);
        }
    }

    private record Stamp(long seq, String digest, ByteString token) {}

    private static Stamp coveringStamp(Connection c, EvidenceRecord record) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, digest, token FROM evidence_stamp "
                + "WHERE node_id = ? AND seq >= ? ORDER BY node_id, seq LIMIT 1")) {
            s.setString(1, record.nodeId());
            s.setLong(2, record.seq());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new EvidenceException(
                            "record " + record.nodeId() + "#" + record.seq()
                                    + " is not time-stamped yet (the next batch stamp covers it; see evidence.stampInterval)",
                            null);
                }
                return new Stamp(rs.getLong(1), rs.getString(2), Blobs.wrap(rs.getBytes(3)));
            }
        }
    }

    private void write(Connection c, StoredRow row, List<String> links, Stamp stamp, Path out)
            throws IOException, SQLException {
        EvidenceRecord r = row.record();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Properties props = new Properties();
        r.fields().forEach((k, v) -> {
            if (v != null) {
                props.setProperty(k, v);
            }
        });
        props.setProperty("seq", Long.toString(r.seq()));
        props.setProperty("prev_digest", r.prevDigest());
        props.setProperty("digest", r.digest());
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        props.store(new java.io.OutputStreamWriter(p, StandardCharsets.UTF_8), "Shlyuz evidence record");
        entries.put("record.properties", p.toByteArray());
        byte[] content = cipher.open(Blobs.array(row.requestContent()), r.keyId(), EvidenceLog.Parts.REQUEST_CONTENT);
        byte[] cms = cipher.open(Blobs.array(row.requestCms()), r.keyId(), EvidenceLog.Parts.REQUEST_CMS);
        byte[] answer = cipher.open(Blobs.array(row.answer()), r.keyId(), EvidenceLog.Parts.ANSWER);
        byte[] revocation = cipher.open(Blobs.array(row.revocation()), r.keyId(), EvidenceLog.Parts.REVOCATION);
        if (content != null) {
            entries.put("request/content.bin", content);
        }
        if (cms != null) {
            entries.put("request/signature.p7s", cms);
        }
        if (answer != null) {
            entries.put("answer/answer.pb", answer);
            if (!r.kind().equals("SUBMIT") && !r.kind().equals("OBJECTION")) {
                SignedResponse response = SignedResponse.parseFrom(answer);
                entries.put("answer/content.bin", response.getContent().toByteArray());
                if (!response.getSignature().isEmpty()) {
                    entries.put("answer/signature.p7s", response.getSignature().toByteArray());
                }
                if (response.hasGatewaySeal()) {
                    entries.put(
                            "answer/seal-manifest.bin",
                            response.getGatewaySeal().getManifest().toByteArray());
                    entries.put(
                            "answer/seal-signature.p7s",
                            response.getGatewaySeal().getManifestSignature().toByteArray());
                }
            }
        }
        if (revocation != null) {
            entries.put("revocation/revocation.bin", revocation);
            for (RevocationBlob.Entry e : RevocationBlob.decode(revocation)) {
                if (e.ocsp() != null) {
                    entries.put(
                            "revocation/ocsp-" + e.part() + "-" + e.serialHex() + ".der",
                            e.ocsp().toByteArray());
                } else if (e.crl() != null) {
                    entries.put(
                            "revocation/crl-" + e.crl().issuerSha256().substring(0, 16) + "-"
                                    + e.crl().number() + ".crl",
                            crl(c, e.crl()));
                }
            }
        }
        entries.put("chain/links.txt", (String.join("\n", links) + "\n").getBytes(StandardCharsets.UTF_8));
        entries.put("chain/head.bin", HexFormat.of().parseHex(stamp.digest()));
        entries.put("chain/stamp.tst", Blobs.array(stamp.token()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            DataDirectory.restrict(out);
            byte[] mime = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest(entries.keySet()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static byte[] crl(Connection c, RevocationBlob.CrlRef ref) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT der FROM evidence_crl WHERE issuer_sha256 = ? AND crl_number = ?")) {
            s.setString(1, ref.issuerSha256());
            s.setString(2, ref.number());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new EvidenceException("CRL " + ref.number() + " the record refers to is not kept", null);
                }
                return rs.getBytes(1);
            }
        }
    }

    private static String manifest(Iterable<String> names) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\n"
                + "  <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + MIMETYPE + "\"/>\n");
        for (String name : names) {
            xml.append("  <manifest:file-entry manifest:full-path=\"")
                    .append(name)
                    .append("\" manifest:media-type=\"")
                    .append(mediaType(name))
                    .append("\"/>\n");
        }
        return xml.append("</manifest:manifest>\n").toString();
    }

    private static String mediaType(String name) {
        if (name.endsWith(".p7s")) {
            return "application/pkcs7-signature";
        }
        if (name.endsWith(".tst")) {
            return "application/vnd.etsi.timestamp-token";
        }
        if (name.endsWith(".der")) {
            return "application/ocsp-response";
        }
        if (name.endsWith(".crl")) {
            return "application/pkix-crl";
        }
        if (name.endsWith(".txt") || name.endsWith(".properties")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
