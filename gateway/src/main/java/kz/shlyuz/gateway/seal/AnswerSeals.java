package kz.shlyuz.gateway.seal;

import kz.shlyuz.client.SealRejected;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.SealManifest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Verifies a sealed answer as the gateway does: the client library's check ({@link
 * kz.shlyuz.client.AnswerSeals#verify}) with the gateway's {@link SignatureVerifier} (its trust,
 * chain and revocation rules) for the manifest's CMS, and a seal that does not hold as the
 * gateway's {@link Refusal}. Used by the evidence verifier, {@code ./shlyuz call} and the tests.
 */
public final class AnswerSeals {
    private AnswerSeals() {}

    /** What a verified seal says: the batch it belongs to and the gateway's verified signature. */
    public record VerifiedSeal(SealManifest manifest, VerifiedSigner gateway) {}

    /**
     * Verifies the seal of a sealed answer: its Merkle proof and the manifest's CMS signature.
     *
     * @throws Refusal SIGNATURE_MISSING without a seal, SIGNATURE_INVALID when the proof does not
     *     lead to the signed root, ALGORITHM_UNSUPPORTED for an unknown tree hash, or whatever the
     *     manifest's CMS verification refuses
     */
    public static VerifiedSeal verify(SignedResponse response, SignatureVerifier verifier) {
        try {
            kz.shlyuz.client.AnswerSeals.VerifiedSeal<VerifiedSigner> seal =
                    kz.shlyuz.client.AnswerSeals.verify(response, verifier::verify);
            return new VerifiedSeal(seal.manifest(), seal.gateway());
        } catch (SealRejected e) {
            throw new Refusal(reason(e.problem()), e.detail(), e.getCause());
        }
    }

    /** The gateway's reason for each way a seal fails the client library's check. */
    static Reason reason(SealRejected.Problem problem) {
        return switch (problem) {
            case SIGNATURE_MISSING -> Reason.SIGNATURE_MISSING;
            case SIGNATURE_INVALID -> Reason.SIGNATURE_INVALID;
            case ALGORITHM_UNSUPPORTED -> Reason.ALGORITHM_UNSUPPORTED;
        };
    }
}
