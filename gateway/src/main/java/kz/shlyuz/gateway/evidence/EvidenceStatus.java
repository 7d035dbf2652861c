package kz.shlyuz.gateway.evidence;

import java.time.Instant;

/**
 * Where time-stamping of this node's chain stands, for health and diagnostics.
 *
 * @param accepting false while new messages are refused with {@code TIMESTAMP_UNAVAILABLE}
 * @param failingSince when the authority first failed in the current run of failures, or null
 * @param lastError the last failure, or null
 * @param lastStampAt when the head was last stamped (process clock), or null
 * @param stampedSeq the last sequence number covered by a stamp
 * @param headSeq the chain's last committed sequence number
 */
public record EvidenceStatus(
        boolean accepting,
        Instant failingSince,
        String lastError,
        Instant lastStampAt,
        long stampedSeq,
        long headSeq) {}
