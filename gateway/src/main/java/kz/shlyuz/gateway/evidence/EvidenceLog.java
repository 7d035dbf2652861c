package kz.shlyuz.gateway.evidence;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.signature.RevocationEvidence;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence archive of one node: handlers hand each message over with {@link #record} (which
 * hashes and, when configured, encrypts on the caller's thread, then queues) and wait for
 * {@link Pending#await} before they answer, so nothing acknowledged is lost; the wait overlaps
 * the journal's own commit. A background stamper time-stamps the chain head in batches.
 */
public final class EvidenceLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvidenceLog.class);
    private final EvidenceSettings settings;
    private final String nodeId;
    private final BodyCipher cipher;
    private final EvidenceWriter writer;
    private final EvidenceStamper stamper;

    private EvidenceLog(
            EvidenceSettings settings,
            String nodeId,
            BodyCipher cipher,
            EvidenceWriter writer,
            EvidenceStamper stamper) {
        this.settings = settings;
        this.nodeId = nodeId;
        this.cipher = cipher;
        this.writer = writer;
        this.stamper = stamper;
    }

    /**
     * Opens the node's chain on a migrated database.
     *
     * @param tsa the RFC 3161 authority the chain head is stamped by
     * @param timeout the longest a caller waits for its record's commit (less when its gRPC deadline is nearer)
     * @param processNodeId the chain's name when {@code evidence.nodeId} is not set (this run's node id)
     */
    public static EvidenceLog open(
            EvidenceSettings settings,
            DataSource dataSource,
            String jdbcUrl,
            TimeStamper tsa,
            Clock clock,
            Duration timeout,
            String processNodeId) {
        String nodeId = settings.nodeId() != null ? settings.nodeId() : processNodeId;
        BodyCipher cipher = BodyCipher.open(settings.encryption());
        EvidenceStamper[] stamper = new EvidenceStamper[1];
        EvidenceWriter writer = new EvidenceWriter(dataSource, nodeId, jdbcUrl, timeout, () -> {
            if (stamper[0] != null) {
                stamper[0].committed();
            }
        });
        try {
            stamper[0] = new EvidenceStamper(dataSource, nodeId, tsa, clock, settings, writer::head);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        log.info(
                "evidence: chain {} (head {}), mode {}{}, bodies {}, stamped by {} every {} or {} records, "
                        + "refusing after {} without a stamp",
                nodeId,
                writer.head().seq(),
                settings.mode(),
                settings.services().isEmpty() ? "" : " " + settings.services(),
                cipher.enabled()
                        ? "encrypted (AES-GCM, key " + cipher.currentKey() + ")"
                        : "NOT encrypted (evidence.encryption.keystore not set)",
                tsa,
                settings.stampInterval(),
                settings.stampRecords(),
                settings.maxStampOutage());
        return new EvidenceLog(settings, nodeId, cipher, writer, stamper[0]);
    }

    public String nodeId() {
        return nodeId;
    }

    public EvidenceSettings settings() {
        return settings;
    }

    /** Refuses a new message while the chain cannot be time-stamped for longer than allowed. */
    public void refuseIfUnavailable() {
        if (!stamper.accepting()) {
            throw new Refusal(
                    Reason.TIMESTAMP_UNAVAILABLE, "since " + stamper.status().failingSince());
        }
    }

    /** Time-stamping state, for health and {@code doctor}. */
    public EvidenceStatus status() {
        return stamper.status();
    }

    /** Stamps the chain head now (operations; tests); true when every record is covered. */
    public boolean stampNow() {
        return stamper.stampNow();
    }

    /** A record on its way to the database. */
    public static final class Pending {
        private static final Pending NOTHING = new Pending(null, CompletableFuture.completedFuture(null));
        private final EvidenceWriter writer;
        private final CompletableFuture<EvidenceRecord> done;

        private Pending(EvidenceWriter writer, CompletableFuture<EvidenceRecord> done) {
            this.writer = writer;
            this.done = done;
        }

        /**
         * Waits until the record is committed, at most the caller's remaining gRPC deadline and never
         * longer than the log's timeout; the record, or null when the mode keeps none.
         */
        public EvidenceRecord await() {
            return writer == null ? done.join() : writer.await(done);
        }
    }

    /** Queues one message's evidence; the caller awaits the result before answering. */
    public Pending record(EvidenceItem item) {
        EvidenceSettings.Mode mode = settings.modeOf(item.serviceId());
        if (mode == EvidenceSettings.Mode.NONE) {
            return Pending.NOTHING;
        }
        byte[] revocation = RevocationBlob.encode(item.revocation());
        boolean full = mode == EvidenceSettings.Mode.FULL;
        EvidenceSettings.Retention retention = settings.retention().of(item.serviceId());
        Instant finished = item.finishedAt();
        Instant retainUntil = finished.atZone(ZoneOffset.UTC)
                .plus(item.decision() == EvidenceItem.Decision.NEGATIVE ? retention.negative() : retention.positive())
                .toInstant();
        String keyId = full && cipher.enabled() ? cipher.currentKey() : null;
        EvidenceRecord record = new EvidenceRecord(
                nodeId,
                0,
                item.kind().name(),
                mode.name(),
                item.sender(),
                item.messageId(),
                item.serviceId(),
                item.caseId(),
                item.outcome(),
                item.reason(),
                item.decision() == null ? null : item.decision().name(),
                item.receivedAt(),
                finished,
                item.verifyMicros(),
                item.agencyMicros(),
                item.totalMicros(),
                retainUntil,
                Digests.hex(item.requestContent()),
                Digests.hex(item.requestCms()),
                Digests.hex(item.answer()),
                Digests.hex(revocation),
                keyId,
                null,
                null);
        List<RevocationBlob.Crl> crls = new ArrayList<>();
        if (full) {
            item.revocation().stream().filter(r -> r.crl() != null).forEach(r -> crls.add(RevocationBlob.crl(r.crl())));
        }
        CompletableFuture<EvidenceRecord> done = writer.submit(new EvidenceWriter.Prepared(
                record,
                full ? Blobs.wrap(cipher.seal(item.requestContent(), Parts.REQUEST_CONTENT)) : null,
                full ? Blobs.wrap(cipher.seal(item.requestCms(), Parts.REQUEST_CMS)) : null,
                full ? Blobs.wrap(cipher.seal(item.answer(), Parts.ANSWER)) : null,
                full ? Blobs.wrap(cipher.seal(revocation, Parts.REVOCATION)) : null,
                crls));
        return new Pending(writer, done);
    }

    /** The revocation evidence of verified signers, for an {@link EvidenceItem}. */
    public static List<RevocationItem> revocationOf(String part, List<VerifiedSigner> signers) {
        List<RevocationItem> items = new ArrayList<>();
        if (signers == null) {
            return items;
        }
        for (VerifiedSigner s : signers) {
            RevocationEvidence e = s.revocationEvidence();
            BigInteger serial = s.certificate().getSerialNumber();
            items.add(new RevocationItem(part, serial.toString(16), e.ocspResponse(), e.crl()));
        }
        return items;
    }

    /** Names of the stored parts (also the associated data of their encryption). */
    public static final class Parts {
        public static final String REQUEST_CONTENT = "request_content";
        public static final String REQUEST_CMS = "request_cms";
        public static final String ANSWER = "answer";
        public static final String REVOCATION = "revocation";

        private Parts() {}
    }

    @Override
    public void close() {
        writer.close();
        stamper.close();
    }
}
