package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.evidence.ChainVerifier.Finding;
import kz.shlyuz.gateway.evidence.ChainVerifier.Problem;
import kz.shlyuz.gateway.evidence.ChainVerifier.Stamp;

/**
 * The walk along one node's chain for {@link ChainVerifier}: each record in order, archived or in
 * the database, checked against the one before it (link), against itself (content and body
 * digests) and against any time-stamp over it; what does not hold becomes a {@link Finding}.
 */
final class ChainWalk {
    final String node;
    final Instant from;
    final Instant to;
    final List<Finding> findings;
    final long[] counts;
    Map<Long, Stamp> stampsAt = Map.of();
    long lastSeq;
    String lastDigest = Digests.GENESIS;
    String beforeLastDigest;
    long lastStampedSeq;
    private final BodyCipher cipher;
    private final ChainVerifier.StampCheck stamps;

    /** @param counts records checked, stamps checked, archives read: added to as the walk goes */
    ChainWalk(
            String node,
            Instant from,
            Instant to,
            List<Finding> findings,
            long[] counts,
            BodyCipher cipher,
            ChainVerifier.StampCheck stamps) {
        this.cipher = cipher;
        this.stamps = stamps;
        this.node = node;
        this.from = from;
        this.to = to;
        this.findings = findings;
        this.counts = counts;
    }

    /** An archive file is missing: continue after it from what the index says. */
    void skipTo(long seq, String digest) {
        lastSeq = seq;
        beforeLastDigest = null;
        lastDigest = digest;
    }

    boolean inRange(EvidenceRecord r) {
        return (from == null || !r.finishedAt().isBefore(from))
                && (to == null || !r.finishedAt().isAfter(to));
    }

    void accept(StoredRow row) {
        EvidenceRecord r = row.record();
        boolean check = inRange(r);
        if (check) {
            counts[0]++;
            checkLink(r);
            checkContent(row);
        }
        Stamp stamp = stampsAt.get(r.seq());
        if (stamp != null) {
            if (check) {
                checkStamp(r, stamp);
            }
            lastStampedSeq = r.seq();
        }
        beforeLastDigest = lastDigest;
        lastSeq = r.seq();
        lastDigest = r.digest();
    }

    private void checkLink(EvidenceRecord r) {
        if (r.seq() > lastSeq + 1) {
            findings.add(new Finding(
                    node,
                    lastSeq + 1,
                    Problem.REMOVED,
                    (r.seq() - lastSeq - 1)
                            + " record(s) " + (lastSeq + 1) + (r.seq() - 1 > lastSeq + 1 ? "–" + (r.seq() - 1) : "")
                            + " missing before record " + r.seq()));
        } else if (r.seq() <= lastSeq) {
            findings.add(new Finding(
                    node, r.seq(), Problem.INSERTED, "record " + r.seq() + " repeats a sequence number already seen"));
        } else if (!r.prevDigest().equals(lastDigest)) {
            if (r.prevDigest().equals(beforeLastDigest)) {
                findings.add(new Finding(
                        node,
                        lastSeq,
                        Problem.INSERTED,
                        "record " + lastSeq + " was inserted: record " + r.seq() + " links to the record before it"));
            } else {
                findings.add(new Finding(
                        node,
                        lastSeq,
                        Problem.CHANGED,
                        "record " + r.seq()
                                + " does not link to record " + lastSeq + ": that record was changed, or records "
                                + "between them removed"));
            }
        }
    }

    private void checkContent(StoredRow row) {
        EvidenceRecord r = row.record();
        String body = bodyProblem(row);
        if (body != null) {
            findings.add(new Finding(node, r.seq(), Problem.CHANGED, body));
        } else if (!r.computedDigest().equals(r.digest())) {
            findings.add(new Finding(node, r.seq(), Problem.CHANGED, "its content does not give its digest"));
        }
    }

    private String bodyProblem(StoredRow row) {
        EvidenceRecord r = row.record();
        try {
            String p = part(row.requestContent(), r.requestSha256(), r.keyId(), EvidenceLog.Parts.REQUEST_CONTENT);
            p = p != null ? p : part(row.requestCms(), r.requestCmsSha256(), r.keyId(), EvidenceLog.Parts.REQUEST_CMS);
            p = p != null ? p : part(row.answer(), r.answerSha256(), r.keyId(), EvidenceLog.Parts.ANSWER);
            return p != null
                    ? p
                    : part(row.revocation(), r.revocationSha256(), r.keyId(), EvidenceLog.Parts.REVOCATION);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private String part(ByteString stored, String sha, String keyId, String name) {
        if (stored == null) {
            return null; // metadata only, or no such part: the hash stands for it
        }
        byte[] plain = cipher.open(stored.toByteArray(), keyId, name);
        return sha == null || !sha.equals(Digests.hex(plain)) ? "its " + name + " is not what was recorded" : null;
    }

    private void checkStamp(EvidenceRecord r, Stamp stamp) {
        counts[1]++;
        if (!stamp.digest().equals(r.digest())) {
            findings.add(new Finding(
                    node,
                    r.seq(),
                    Problem.CHANGED,
                    "the time-stamp over record " + r.seq() + " covers another digest"));
            return;
        }
        try {
            stamps.check(Blobs.array(stamp.token()), HexFormat.of().parseHex(stamp.digest()));
        } catch (RuntimeException e) {
            findings.add(new Finding(
                    node,
                    r.seq(),
                    Problem.STAMP_INVALID,
                    "time-stamp over record " + r.seq() + " does not hold: " + e.getMessage()));
        }
    }

    void finish() {
        for (Stamp s : stampsAt.values()) {
            if (s.seq() > lastSeq) {
                findings.add(new Finding(
                        node,
                        s.seq(),
                        Problem.REMOVED,
                        "a time-stamp covers record " + s.seq() + ", which is not there"));
            }
        }
    }
}
