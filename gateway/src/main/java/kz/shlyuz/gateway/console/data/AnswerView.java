package kz.shlyuz.gateway.console.data;

import java.time.Instant;
import java.util.List;

/**
 * The answer's evidence on a message's page (issue 14.2): who signed the answer and, in the
 * batch-seal form, the gateway's seal with its recomputed proof. Never the answer's content: only
 * its SHA-256 and what the signatures' certificates and attributes say.
 *
 * @param notKept null when the archive keeps the answer; otherwise why it shows none: {@code
 *     NO_RECORD} (no evidence record), {@code METADATA_MODE} (bodies not kept), {@code NO_ANSWER}
 *     (the message was refused, there was no answer), {@code ACKNOWLEDGEMENT} (a Submit is
 *     answered by an unsigned SubmitAck; the case's agency answers are on the case), {@code
 *     UNREADABLE} (the stored bytes are no SignedResponse)
 * @param form {@code COUNTERSIGNED} (the gateway's SignerInfo is in the answer's CMS) or {@code
 *     BATCH_SEAL} (the gateway's signature is the seal); null when not kept
 * @param contentSha256 hex SHA-256 of {@code SignedResponse.content}, the signed bytes
 * @param signers the SignerInfos of {@code SignedResponse.signature}: the agencies' and, when
 *     countersigned, the gateway's (with its time-stamp); IINs masked as for the request's signers
 * @param seal the batch seal, or null when the answer carries none
 */
public record AnswerView(String notKept, String form, String contentSha256, List<SignerView> signers, SealProof seal) {

    /** An answer the page cannot show, and why (one of the {@code notKept} codes). */
    static AnswerView notKept(String why) {
        return new AnswerView(why, null, null, List.of(), null);
    }

    /**
     * The gateway's batch seal of the answer, as recomputed when the page was built.
     *
     * @param root hex of the Merkle root the manifest signs
     * @param pathLength the inclusion proof's steps (0: the batch held this answer alone)
     * @param sealer the manifest's signer (the gateway) with its signature time-stamp; null when the
     *     manifest's CMS names no readable signer
     * @param holds whether the manifest's signature value verifies over the manifest with the
     *     signer's certificate and the answer's leaf, hashed up its path, gives the signed root;
     *     trust and revocation of the gateway's certificate are judged by {@code shlyuz evidence
     *     verify} on the exported container
     * @param problem why the proof does not hold, or null when it does
     */
    public record SealProof(
            String sealId,
            Instant sealedAt,
            String hashAlgorithm,
            long leafCount,
            String root,
            int pathLength,
            SignerView sealer,
            boolean holds,
            String problem) {}
}
