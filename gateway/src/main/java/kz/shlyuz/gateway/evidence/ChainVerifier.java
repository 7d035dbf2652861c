package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * {@code journal verify}: walks every node's chain from its first archive file through the
 * database, recomputing each record's digest from its content (and each body's SHA-256 from the
 * body, decrypted when encrypted) and each link to the previous record, and checks every
 * time-stamp token over a chain head (TSA signature and certificate, imprint = SHA-256 of the
 * head digest). It names the first record changed, removed or inserted. Memory stays flat: rows
 * are read a page at a time, archives as streams.
 */
public final class ChainVerifier {
    /** Checks one stamp token over the given bytes; returns its description or throws. */
    @FunctionalInterface
    public interface StampCheck {
        String check(byte[] token, byte[] data);
    }

    /** What is wrong, at which record. */
    public enum Problem {
        CHANGED,
        REMOVED,
        INSERTED,
        STAMP_INVALID,
        ARCHIVE_INVALID
    }

    /** One finding. */
    public record Finding(String nodeId, long seq, Problem problem, String detail) {
        @Override
        public String toString() {
            return problem + " " + nodeId + "#" + seq + ": " + detail;
        }
    }

    /** The outcome of a run. */
    public record Report(
            List<Finding> findings, long records, long stamps, Map<String, Long> unstampedTail, long archives) {
        public boolean holds() {
            return findings.isEmpty();
        }

        /** The earliest finding by sequence number of the first chain with any. */
        public Finding first() {
            return findings.isEmpty() ? null : findings.get(0);
        }
    }

    private final DataSource dataSource;
    private final Path archiveDir;
    private final BodyCipher cipher;
    private final StampCheck stamps;

    public ChainVerifier(DataSource dataSource, Path archiveDir, BodyCipher cipher, StampCheck stamps) {
        this.dataSource = dataSource;
        this.archiveDir = archiveDir;
        this.cipher = cipher;
        this.stamps = stamps;
    }

    /** Verifies records finished within [from, to] (either may be null), with the links and stamps around them. */
    public Report verify(Instant from, Instant to) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> tails = new LinkedHashMap<>();
        long[] counts = new long[3];
        try (Connection c = dataSource.getConnection()) {
            for (String node : nodes(c)) {
                ChainWalk walk = new ChainWalk(node, from, to, findings, counts, cipher, stamps);
                long archivedUpTo = archives(c, node, walk);
                Map<Long, Stamp> dbStamps = stamps(c, node);
                walk.stampsAt = dbStamps;
                StoredRow.stream(c, node, archivedUpTo, Long.MAX_VALUE, walk::accept);
                walk.finish();
                if (walk.lastSeq > walk.lastStampedSeq) {
                    tails.put(node, walk.lastSeq - walk.lastStampedSeq);
                }
            }
        } catch (SQLException e) {
            throw new EvidenceException("cannot read the evidence chain", e);
        }
        findings.sort(java.util.Comparator.comparing(Finding::nodeId).thenComparingLong(Finding::seq));
        return new Report(List.copyOf(findings), counts[0], counts[1], tails, counts[2]);
    }

    private static java.util.SortedSet<String> nodes(Connection c) throws SQLException {
        TreeSet<String> nodes = new TreeSet<>();
        for (String sql : new String[] {
            "SELECT DISTINCT node_id FROM evidence_record",
            "SELECT DISTINCT node_id FROM evidence_archive",
            "SELECT DISTINCT node_id FROM evidence_stamp"
        }) {
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getString(1));
                }
            }
        }
        return nodes;
    }

    record Stamp(long seq, String digest, ByteString token) {}

    private static Map<Long, Stamp> stamps(Connection c, String node) throws SQLException {
        Map<Long, Stamp> stamps = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT seq, digest, token FROM evidence_stamp WHERE node_id = ?")) {
            s.setString(1, node);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stamps.put(rs.getLong(1), new Stamp(rs.getLong(1), rs.getString(2), Blobs.wrap(rs.getBytes(3))));
                }
            }
        }
        return stamps;
    }

    /** Walks the node's archive files in order; the last archived seq. */
    private long archives(Connection c, String node, ChainWalk walk) throws SQLException {
        String prevFileSha = Digests.GENESIS;
        long upTo = 0;
        java.util.Set<String> listed = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT first_seq, last_seq, last_digest, file_name, file_sha256 "
                + "FROM evidence_archive WHERE node_id = ? ORDER BY first_seq")) {
            s.setString(1, node);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long first = rs.getLong(1);
                    long last = rs.getLong(2);
                    String name = rs.getString(4);
                    listed.add(name);
                    Path file = archiveDir.resolve(name);
                    walk.counts[2]++;
                    if (!Files.isRegularFile(file)) {
                        walk.findings.add(new Finding(
                                node,
                                first,
                                Problem.REMOVED,
                                "archive file " + name + " (records " + first + "–" + last + ") is missing"));
                        walk.skipTo(last, rs.getString(3));
                        upTo = last;
                        prevFileSha = rs.getString(5);
                        continue;
                    }
                    String sha = readArchive(file, node, first, last, prevFileSha, walk);
                    if (!sha.equals(rs.getString(5))) {
                        walk.findings.add(new Finding(
                                node,
                                first,
                                Problem.ARCHIVE_INVALID,
                                "archive file " + name + " is not the file that was archived (SHA-256 " + sha + ")"));
                    }
                    prevFileSha = rs.getString(5);
                    upTo = last;
                }
            }
        }
        if (Files.isDirectory(archiveDir)) {
            String prefix = "evidence-" + node.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
            try (var files = Files.list(archiveDir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String n = f.getFileName().toString();
                    if (n.startsWith(prefix) && n.endsWith(".zip") && !listed.contains(n)) {
                        walk.findings.add(new Finding(
                                node, upTo, Problem.INSERTED, "archive file " + n + " is not in the archive index"));
                    }
                }
            } catch (IOException e) {
                throw new EvidenceException("cannot list " + archiveDir, e);
            }
        }
        return upTo;
    }

    private String readArchive(Path file, String node, long first, long last, String prevFileSha, ChainWalk walk) {
        MessageDigest md = Digests.sha256();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), md);
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 1 << 16))) {
            DataInputStream in = new DataInputStream(zip);
            Map<Long, Stamp> archived = new HashMap<>();
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                switch (entry.getName()) {
                    case "header.txt" -> {
                        Properties header = new Properties();
                        header.load(new java.io.StringReader(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                        if (!prevFileSha.equals(header.getProperty("prev_file_sha256"))
                                || !node.equals(header.getProperty("node_id"))
                                || !Long.toString(first).equals(header.getProperty("first_seq"))
                                || !Long.toString(last).equals(header.getProperty("last_seq"))) {
                            walk.findings.add(
                                    new Finding(
                                            node,
                                            first,
                                            Problem.ARCHIVE_INVALID,
                                            file.getFileName()
                                                    + ": its header does not link to the previous archive file or names another range"));
                        }
                    }
                    case "stamps.bin" -> {
                        while (in.readByte() == 1) {
                            long seq = in.readLong();
                            String digest = in.readUTF();
                            in.readUTF();
                            archived.put(seq, new Stamp(seq, digest, Blobs.wrap(StoredRow.readBytes(in))));
                        }
                        walk.stampsAt = archived;
                    }
                    case "records.bin" -> {
                        StoredRow row;
                        while ((row = StoredRow.read(in)) != null) {
                            if (row.record().seq() > last || row.record().seq() < first) {
                                walk.findings.add(new Finding(
                                        node,
                                        row.record().seq(),
                                        Problem.INSERTED,
                                        file.getFileName() + " holds a record outside its range"));
                            }
                            walk.accept(row);
                        }
                    }
                    default -> zip.readAllBytes();
                }
            }
            zip.readAllBytes();
        } catch (IOException | RuntimeException e) {
            walk.findings.add(new Finding(
                    node, first, Problem.ARCHIVE_INVALID, file.getFileName() + " unreadable: " + e.getMessage()));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
