package kz.shlyuz.gateway.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.gateway.config.EvidenceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-stamps the chain head in batches: when {@code stampRecords} records wait, or
 * {@code stampInterval} (process clock) has passed since the last stamp while any wait. One token
 * covers every record up to the head, through the chain; no per-message key operation is added.
 *
 * <p>When the authority fails, records keep being written and the attempt is repeated; once the
 * failures have lasted {@code maxStampOutage}, {@link #accepting()} turns false and the gateway
 * refuses new messages until a stamp succeeds again, by itself, at the next attempt.
 */
final class EvidenceStamper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvidenceStamper.class);
    /** How often (wall time) the stamper looks whether a stamp is due, and retries a failed one. */
    private static final long POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final String nodeId;
    private final TimeStamper tsa;
    private final Clock clock;
    private final EvidenceSettings settings;
    private final Supplier<EvidenceWriter.Head> head;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private volatile long stampedSeq;
    private volatile Instant lastStampAt;
    private volatile Instant failingSince;
    private volatile String lastError;

    EvidenceStamper(
            DataSource dataSource,
            String nodeId,
            TimeStamper tsa,
            Clock clock,
            EvidenceSettings settings,
            Supplier<EvidenceWriter.Head> head) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.tsa = tsa;
        this.clock = clock;
        this.settings = settings;
        this.head = head;
        loadLastStamp();
        this.thread = new Thread(this::run, "evidence-stamper");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loadLastStamp() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT seq, stamped_at FROM evidence_stamp WHERE node_id = ? ORDER BY node_id DESC, seq DESC LIMIT 1")) {
            s.setString(1, nodeId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    stampedSeq = rs.getLong(1);
                    lastStampAt = rs.getTimestamp(2).toInstant();
                }
            }
        } catch (SQLException e) {
            throw new EvidenceException("cannot read the last stamp of chain " + nodeId, e);
        }
    }

    /** A group was committed: a stamp may have become due by count. */
    void committed() {
        if (head.get().seq() - stampedSeq >= settings.stampRecords()) {
            wake.release();
        }
    }

    private boolean due() {
        long waiting = head.get().seq() - stampedSeq;
        if (waiting <= 0) {
            return false;
        }
        Instant now = clock.instant();
        return waiting >= settings.stampRecords()
                || lastStampAt == null
                || !now.isBefore(lastStampAt.plus(settings.stampInterval()))
                || (failingSince != null);
    }

    private void run() {
        while (!closed) {
            try {
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!closed && due()) {
                    stampNow();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("evidence stamping failed: {}", e.toString());
            }
        }
    }

    /**
     * Stamps the current head now if any record waits; true when the head is (now) covered.
     * Failures are recorded in the status, not thrown.
     */
    synchronized boolean stampNow() {
        EvidenceWriter.Head h = head.get();
        if (h.seq() <= stampedSeq) {
            return true;
        }
        Instant now = clock.instant();
        byte[] token;
        try {
            token = tsa.timeStampToken(HexFormat.of().parseHex(h.digest()));
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = now;
                log.warn(
                        "the time-stamping authority failed for chain {} (records up to {} wait): {}",
                        nodeId,
                        h.seq(),
                        e.getMessage());
            }
            lastError = e.getMessage();
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO evidence_stamp (node_id, seq, digest, stamped_at, token) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, nodeId);
            insert.setLong(2, h.seq());
            insert.setString(3, h.digest());
            insert.setTimestamp(4, Timestamp.from(EvidenceRecord.micros(now)));
            insert.setBytes(5, token);
            insert.executeUpdate();
        } catch (SQLException e) {
            lastError = "stamp not stored: " + e.getMessage();
            failingSince = failingSince == null ? now : failingSince;
            return false;
        }
        if (failingSince != null) {
            log.info("time-stamping of chain {} works again (failing since {})", nodeId, failingSince);
        }
        stampedSeq = h.seq();
        lastStampAt = now;
        failingSince = null;
        lastError = null;
        return true;
    }

    /** False once the authority has failed for longer than {@code maxStampOutage}. */
    boolean accepting() {
        Instant since = failingSince;
        return since == null || clock.instant().isBefore(since.plus(settings.maxStampOutage()));
    }

    Duration outage() {
        Instant since = failingSince;
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    EvidenceStatus status() {
        return new EvidenceStatus(
                accepting(),
                failingSince,
                lastError,
                lastStampAt,
                stampedSeq,
                head.get().seq());
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What was written in the last moments gets its stamp now, if the authority answers.
        stampNow();
    }
}
