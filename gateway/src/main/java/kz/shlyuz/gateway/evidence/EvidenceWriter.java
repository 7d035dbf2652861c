package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kz.shlyuz.gateway.batching.Gathering;
import kz.shlyuz.gateway.batching.GroupCommitter;

/**
 * Appends records to this node's chain in groups: one writer thread gives each record the next
 * sequence number and links it to the previous digest, inserts the group in one transaction (on
 * an embedded H2 file followed by {@code CHECKPOINT SYNC}, as the journal's group commit does),
 * and only then completes the callers' futures. A record is therefore durable before the call it
 * belongs to is answered, and the chain is only ever extended by this thread (a
 * {@link GroupCommitter}, whose group action this class is). A group that fails fails each of its
 * callers, and the head is read again from what is stored.
 */
final class EvidenceWriter implements AutoCloseable {
    private static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;
    private static final Gathering GATHERING = new Gathering(32, MAX_BATCH, 1_000_000, 300_000);
    /** How long {@link #close} lets the thread write what is queued. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private static final GroupCommitter.Failures FAILURES = new GroupCommitter.Failures() {
        @Override
        public RuntimeException of(String message, Throwable cause) {
            return new EvidenceException(message, cause);
        }

        @Override
        public RuntimeException failed(Throwable cause) {
            return cause instanceof EvidenceException x
                    ? x
                    : new EvidenceException("evidence record not written", cause);
        }
    };

    /** A record ready to be linked: metadata (no seq, no digest yet), stored bodies, CRLs to keep. */
    record Prepared(
            EvidenceRecord record,
            ByteString requestContent,
            ByteString requestCms,
            ByteString answer,
            ByteString revocation,
            List<RevocationBlob.Crl> crls) {}

    /** The chain's last committed link. */
    record Head(long seq, String digest) {}

    private final DataSource dataSource;
    private final String nodeId;
    private final boolean syncEmbeddedStore;
    private final GroupCommitter<Prepared, EvidenceRecord> writer;
    private volatile Head head;
    private final Runnable onCommit;

    /**
     * @param timeout the longest a caller waits for room or for its record's commit (less when its
     *     gRPC deadline is nearer)
     * @param onCommit told after every committed group (the stamper counts waiting records)
     */
    EvidenceWriter(DataSource dataSource, String nodeId, String jdbcUrl, Duration timeout, Runnable onCommit) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.onCommit = onCommit;
        this.syncEmbeddedStore = jdbcUrl.startsWith("jdbc:h2:")
                && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
        this.head = loadHead(dataSource, nodeId);
        // "shlyuz-": a writer that dies is a fatal error (FatalErrors), as the journal's is.
        this.writer = new GroupCommitter<>(
                new GroupCommitter.Settings(
                        "the evidence log", "shlyuz-evidence-writer", QUEUE_CAPACITY, GATHERING, 0, timeout, DRAIN),
                this::write,
                FAILURES,
                () -> {});
    }

    /** The last committed link of {@code nodeId}'s chain: in the database, else in the last archive. */
    static Head loadHead(DataSource dataSource, String nodeId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, digest FROM evidence_record WHERE node_id = ? ORDER BY node_id DESC, seq DESC LIMIT 1")) {
                s.setString(1, nodeId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT last_seq, last_digest FROM evidence_archive "
                    + "WHERE node_id = ? ORDER BY last_seq DESC LIMIT 1")) {
                s.setString(1, nodeId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return new Head(0, Digests.GENESIS);
        } catch (SQLException e) {
            throw new EvidenceException("cannot read the head of chain " + nodeId, e);
        }
    }

    Head head() {
        return head;
    }

    /** Queues a record; the future completes with the linked record once its group is committed. */
    CompletableFuture<EvidenceRecord> submit(Prepared prepared) {
        return writer.submit(prepared);
    }

    /** Waits for a record's commit, at most the caller's remaining gRPC deadline and never longer than the timeout. */
    EvidenceRecord await(CompletableFuture<EvidenceRecord> done) {
        return writer.await(done, "evidence record not committed");
    }

    private void write(List<GroupCommitter.Item<Prepared, EvidenceRecord>> items) {
        List<Prepared> group = items.stream().map(GroupCommitter.Item::value).toList();
        Head start = head;
        List<EvidenceRecord> linked = new ArrayList<>(group.size());
        long seq = start.seq();
        String prev = start.digest();
        for (Prepared p : group) {
            EvidenceRecord r = p.record().linked(++seq, prev);
            prev = r.digest();
            linked.add(r);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                keepCrls(c, group);
                try (PreparedStatement insert = c.prepareStatement(EvidenceRecord.INSERT)) {
                    for (int i = 0; i < group.size(); i++) {
                        Prepared p = group.get(i);
                        linked.get(i).bind(insert);
                        insert.setBytes(25, Blobs.array(p.requestContent()));
                        insert.setBytes(26, Blobs.array(p.requestCms()));
                        insert.setBytes(27, Blobs.array(p.answer()));
                        insert.setBytes(28, Blobs.array(p.revocation()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (syncEmbeddedStore) {
                try (Statement sync = c.createStatement()) {
                    sync.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            // Another writer under the same node id, or the database failed: start again from what is stored.
            head = loadHead(dataSource, nodeId);
            throw new EvidenceException("evidence records not written (chain " + nodeId + ")", e);
        }
        head = new Head(seq, prev);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).done().complete(linked.get(i));
        }
        onCommit.run();
    }

    private static void keepCrls(Connection c, List<Prepared> group) throws SQLException {
        List<RevocationBlob.Crl> crls = new ArrayList<>();
        java.util.Set<RevocationBlob.CrlRef> seen = new java.util.HashSet<>();
        for (Prepared p : group) {
            for (RevocationBlob.Crl crl : p.crls()) {
                if (seen.add(crl.ref())) {
                    crls.add(crl);
                }
            }
        }
        if (crls.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence_crl (issuer_sha256, crl_number, "
                + "issuer, der_sha256, der) SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
                + "CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(64)), CAST(? AS BYTEA) WHERE NOT EXISTS "
                + "(SELECT 1 FROM evidence_crl WHERE issuer_sha256 = ? AND crl_number = ?)")) {
            for (RevocationBlob.Crl crl : crls) {
                insert.setString(1, crl.ref().issuerSha256());
                insert.setString(2, crl.ref().number());
                insert.setString(3, crl.issuer().length() > 1024 ? crl.issuer().substring(0, 1024) : crl.issuer());
                insert.setString(4, crl.ref().derSha256());
                insert.setBytes(5, crl.der().toByteArray());
                insert.setString(6, crl.ref().issuerSha256());
                insert.setString(7, crl.ref().number());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Writes what is queued (within 10 s), then stops; what is left fails. */
    @Override
    public void close() {
        writer.close();
    }
}
