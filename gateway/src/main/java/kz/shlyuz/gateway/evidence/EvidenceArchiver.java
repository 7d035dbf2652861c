package kz.shlyuz.gateway.evidence;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.EvidenceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves records past retention out of the database into archive files, streaming: rows are
 * read a page at a time and written straight into the file, so memory does not grow with the
 * log. To keep one unbroken chain, a run archives the longest prefix of this node's chain whose
 * records are all past retention and already time-stamped (a record kept longer, e.g. after a
 * positive exit decision, holds the records after it in the database until it is due as well).
 *
 * <p>A file is named {@code evidence-<node>-<first seq>-<last seq>.zip} (16 digits each, so names
 * sort in chain order) and holds {@code header.txt} (node, range, the SHA-256 of the previous
 * file of the chain, the digests at both ends), {@code stamps.bin}, {@code crls.bin} and
 * {@code records.bin} — bodies as stored, i.e. encrypted under their record's key when
 * encryption is configured. The file is synced to disk and listed in {@code evidence_archive}
 * before any row is deleted; a run interrupted while deleting finishes the deletion next time.
 */
public final class EvidenceArchiver {
    private static final Logger log = LoggerFactory.getLogger(EvidenceArchiver.class);
    static final String FORMAT = "shlyuz-evidence-archive/1";
    private static final int DELETE_CHUNK = 5_000;

    private final DataSource dataSource;
    private final EvidenceSettings settings;
    private final String nodeId;
    private final Clock clock;
    private Instant nextRun;

    public EvidenceArchiver(DataSource dataSource, EvidenceSettings settings, String nodeId, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** One archived range. */
    public record Archived(Path file, long firstSeq, long lastSeq) {}

    /** Archives when {@code archiveCheck} (process clock) has passed since the last run. */
    public synchronized void runIfDue() {
        Instant now = clock.instant();
        if (nextRun != null && now.isBefore(nextRun)) {
            return;
        }
        nextRun = now.plus(settings.archiveCheck());
        try {
            archive();
        } catch (RuntimeException e) {
            log.error("evidence archiving failed", e);
        }
    }

    /** Archives the due prefix now; empty when nothing is due. */
    public synchronized java.util.Optional<Archived> archive() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Last last = last(c);
            deleteUpTo(c, last.lastSeq());
            long stamped = scalar(c, "SELECT MAX(seq) FROM evidence_stamp WHERE node_id = ?", null);
            long notDue = scalar(c, "SELECT MIN(seq) FROM evidence_record WHERE node_id = ? AND retain_until > ?", now);
            long max = scalar(c, "SELECT MAX(seq) FROM evidence_record WHERE node_id = ?", null);
            long cutoff = Math.min(stamped, notDue > 0 ? notDue - 1 : max);
            if (cutoff <= last.lastSeq()) {
                return java.util.Optional.empty();
            }
            long first = last.lastSeq() + 1;
            Files.createDirectories(settings.archiveDir());
            DataDirectory.restrict(settings.archiveDir());
            Path file = settings.archiveDir().resolve(fileName(nodeId, first, cutoff));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            String[] lastDigest = new String[1];
            String sha;
            MessageDigest md = Digests.sha256();
            try (OutputStream raw = Files.newOutputStream(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                DataDirectory.restrict(tmp);
                ZipOutputStream zip =
                        new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, md), 1 << 16));
                // Bodies are CMS and JSON (and ciphertext when encrypted): the fastest level gets most
                // of what deflate can, at a fraction of the default level's CPU.
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                String firstPrev = prevDigestOf(c, first);
                zip.putNextEntry(new ZipEntry("header.txt"));
                zip.write(("format=" + FORMAT + "\nnode_id=" + nodeId + "\nfirst_seq=" + first + "\nlast_seq=" + cutoff
                                + "\nprev_file_sha256=" + last.fileSha256() + "\nfirst_prev_digest=" + firstPrev
                                + "\ncreated_at=" + now + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                DataOutputStream out = new DataOutputStream(zip);
                zip.putNextEntry(new ZipEntry("stamps.bin"));
                writeStamps(c, last.lastSeq(), cutoff, out);
                out.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("crls.bin"));
                writeCrls(c, out);
                out.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("records.bin"));
                StoredRow.stream(c, nodeId, last.lastSeq(), cutoff, row -> {
                    try {
                        row.write(out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    lastDigest[0] = row.record().digest();
                });
                out.writeByte(0);
                out.flush();
                zip.closeEntry();
                zip.finish();
                zip.flush();
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            sha = HexFormat.of().formatHex(md.digest());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence_archive (node_id, first_seq, "
                    + "last_seq, last_digest, file_name, file_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, nodeId);
                insert.setLong(2, first);
                insert.setLong(3, cutoff);
                insert.setString(4, lastDigest[0]);
                insert.setString(5, file.getFileName().toString());
                insert.setString(6, sha);
                insert.setTimestamp(7, Timestamp.from(EvidenceRecord.micros(now)));
                insert.executeUpdate();
            }
            deleteUpTo(c, cutoff);
            log.info("evidence: records {}–{} of chain {} archived to {}", first, cutoff, nodeId, file);
            return java.util.Optional.of(new Archived(file, first, cutoff));
        } catch (SQLException | IOException | java.io.UncheckedIOException e) {
            throw new EvidenceException("archiving chain " + nodeId + " failed", e);
        }
    }

    /** The deterministic name of an archive file: its chain and range. */
    public static String fileName(String nodeId, long first, long last) {
        return "evidence-" + nodeId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + String.format("%016d", first) + "-"
                + String.format("%016d", last) + ".zip";
    }

    record Last(long lastSeq, String lastDigest, String fileSha256) {}

    private Last last(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, last_digest, file_sha256 FROM evidence_archive "
                + "WHERE node_id = ? ORDER BY last_seq DESC LIMIT 1")) {
            s.setString(1, nodeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? new Last(rs.getLong(1), rs.getString(2), rs.getString(3))
                        : new Last(0, Digests.GENESIS, Digests.GENESIS);
            }
        }
    }

    private String prevDigestOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT prev_digest FROM evidence_record WHERE node_id = ? AND seq = ?")) {
            s.setString(1, nodeId);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long scalar(Connection c, String sql, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, nodeId);
            if (at != null) {
                s.setTimestamp(2, Timestamp.from(at));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? 0 : v;
            }
        }
    }

    private void writeStamps(Connection c, long after, long upTo, DataOutputStream out)
            throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, digest, stamped_at, token FROM evidence_stamp "
                + "WHERE node_id = ? AND seq > ? AND seq <= ? ORDER BY node_id, seq")) {
            s.setString(1, nodeId);
            s.setLong(2, after);
            s.setLong(3, upTo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.writeByte(1);
                    out.writeLong(rs.getLong(1));
                    out.writeUTF(rs.getString(2));
                    out.writeUTF(rs.getTimestamp(3).toInstant().toString());
                    StoredRow.writeBytes(out, rs.getBytes(4));
                }
            }
        }
        out.writeByte(0);
    }

    private static void writeCrls(Connection c, DataOutputStream out) throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT issuer_sha256, crl_number, issuer, der_sha256, der FROM evidence_crl ORDER BY issuer_sha256, crl_number");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.writeByte(1);
                out.writeUTF(rs.getString(1));
                out.writeUTF(rs.getString(2));
                out.writeUTF(rs.getString(3));
                out.writeUTF(rs.getString(4));
                StoredRow.writeBytes(out, rs.getBytes(5));
            }
        }
        out.writeByte(0);
    }

    /** Deletes this node's rows and stamps up to {@code seq}, in chunks (each its own transaction). */
    private void deleteUpTo(Connection c, long seq) throws SQLException {
        if (seq <= 0) {
            return;
        }
        long from = scalar(c, "SELECT MIN(seq) FROM evidence_record WHERE node_id = ?", null);
        for (long lo = Math.max(0, from - 1); from > 0 && lo < seq; lo += DELETE_CHUNK) {
            try (PreparedStatement d =
                    c.prepareStatement("DELETE FROM evidence_record WHERE node_id = ? AND seq > ? AND seq <= ?")) {
                d.setString(1, nodeId);
                d.setLong(2, lo);
                d.setLong(3, Math.min(seq, lo + DELETE_CHUNK));
                d.executeUpdate();
            }
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM evidence_stamp WHERE node_id = ? AND seq <= ?")) {
            d.setString(1, nodeId);
            d.setLong(2, seq);
            d.executeUpdate();
        }
    }
}
