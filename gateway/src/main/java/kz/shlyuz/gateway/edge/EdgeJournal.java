package kz.shlyuz.gateway.edge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.status.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal row of a refusal made at the edge, before admission: a certificate that names no
 * system, a rate limit or quota, an envelope that is not protobuf, a stalled or overlong call.
 *
 * <p>Such a request has no trusted message id (often none at all). Its row is keyed by a
 * generated id {@code edge-<16 hex>} in {@code message_id} — never the caller's own text, so a
 * caller can neither forge nor collide with real ids — and, when its bytes were read, their
 * SHA-256 in {@code content_sha256}, by which an operator finds the row when the sender quotes the
 * bytes it sent. The generated id is also sent to the caller as ErrorInfo metadata
 * {@code journal_id}.
 */
public final class EdgeJournal {
    private static final Logger log = LoggerFactory.getLogger(EdgeJournal.class);

    private final Journal journal;
    private final Clock clock;

    public EdgeJournal(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** The gateway's clock now: when an edge refusal's request was received. */
    public Instant now() {
        return clock.instant();
    }

    /** A fresh row id for an edge refusal. */
    public static String newId() {
        return "edge-"
                + HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * Appends the refusal's row; never throws (a refusal stands even when the journal is down, and
     * an operator learns of the failure from the log).
     *
     * @param sender the system id from TLS, or null when the certificate named none
     * @param id from {@link #newId()}
     * @param bytes the request's bytes when they were read, else null
     * @param method the gRPC method, e.g. {@code shlyuz.v1.Gateway/Call}
     */
    public void refused(
            String sender,
            String id,
            byte[] bytes,
            String method,
            Refusal refusal,
            Instant receivedAt,
            long startNanos) {
        String detail = Shown.bounded((method == null ? "" : method + ": ") + refusal.detail(), 500);
        try {
            journal.append(new JournalEntry(
                    receivedAt,
                    clock.instant(),
                    sender,
                    id,
                    null,
                    bytes == null ? null : sha256(bytes),
                    null,
                    JournalEntry.Outcome.REFUSED,
                    refusal.reason().name(),
                    refusal.reason().code().name(),
                    detail,
                    null,
                    -1,
                    -1,
                    (System.nanoTime() - startNanos) / 1000));
        } catch (RuntimeException e) {
            log.error("journal append failed for edge refusal {} from {}", id, sender, e);
        }
        log.info("edge refusal sender={} id={} reason={} {}", sender, id, refusal.reason(), detail);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    /** Untrusted text as it may be logged or sent back: printable ASCII, bounded. */
    static final class Shown {
        private Shown() {}

        static String bounded(String value, int max) {
            if (value == null) {
                return "";
            }
            String plain = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
            return plain.length() <= max ? plain : plain.substring(0, max) + "...";
        }
    }
}
