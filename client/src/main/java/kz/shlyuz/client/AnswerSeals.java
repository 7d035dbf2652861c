package kz.shlyuz.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.security.MessageDigest;
import java.util.List;
import kz.shlyuz.client.SealRejected.Problem;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.seal.MerkleTree;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.SealManifest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * The client's side of the batch seal: asking for it, and verifying a sealed answer the four ways
 * {@code envelope.proto} describes ({@code AnswerSeal}). The CMS of the seal's manifest is checked
 * by the caller's own verifier ({@link SignatureCheck}), with the trust, chain and revocation rules
 * the front end holds; this class checks the rest.
 */
public final class AnswerSeals {
    private AnswerSeals() {}

    /**
     * What a verified seal says: the batch it belongs to and the gateway's verified signature.
     *
     * @param <S> the verified signer as the caller's {@link SignatureCheck} describes it
     */
    public record VerifiedSeal<S>(SealManifest manifest, S gateway) {}

    /**
     * Verifies a detached CMS signature over some content and names its signers.
     *
     * @param <S> the caller's description of one verified signer
     */
    @FunctionalInterface
    public interface SignatureCheck<S> {
        /**
         * Verifies a detached CMS signature over {@code content}.
         *
         * @return one entry per verified SignerInfo
         * @throws RuntimeException (the verifier's own kind) when the signature does not hold
         */
        List<S> signers(byte[] content, byte[] detachedSignature);
    }

    /** A client interceptor that asks for {@code form} on every call of a stub it is attached to. */
    public static ClientInterceptor asking(AnswerForm form) {
        Metadata headers = new Metadata();
        headers.put(AnswerForm.HEADER_KEY, form.wireName());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    /**
     * Verifies the gateway's seal of an answer: the manifest's CMS (with {@code check}), then the
     * answer's inclusion in the sealed tree. The agency's signatures ({@code response.signature})
     * are verified separately, as for any answer.
     *
     * @throws SealRejected SIGNATURE_MISSING without a seal, SIGNATURE_INVALID when the manifest has
     *     other than one signer, cannot be read or the proof does not lead to the signed root,
     *     ALGORITHM_UNSUPPORTED for a hash other than {@link MerkleTree#HASH_ALGORITHM}; whatever
     *     {@code check} throws passes through unchanged
     */
    public static <S> VerifiedSeal<S> verify(SignedResponse response, SignatureCheck<S> check) {
        if (!response.hasGatewaySeal()) {
            throw new SealRejected(Problem.SIGNATURE_MISSING, "the answer carries no gateway seal");
        }
        AnswerSeal seal = response.getGatewaySeal();
        List<S> signers = check.signers(
                seal.getManifest().toByteArray(), seal.getManifestSignature().toByteArray());
        if (signers.size() != 1) {
            throw new SealRejected(
                    Problem.SIGNATURE_INVALID, "a seal manifest has one signer, this one " + signers.size());
        }
        SealManifest manifest;
        try {
            manifest = SealManifest.parseFrom(seal.getManifest());
        } catch (InvalidProtocolBufferException e) {
            throw new SealRejected(Problem.SIGNATURE_INVALID, "the seal manifest cannot be read", e);
        }
        if (!MerkleTree.HASH_ALGORITHM.equals(manifest.getHashAlgorithm())) {
            throw new SealRejected(Problem.ALGORITHM_UNSUPPORTED, manifest.getHashAlgorithm());
        }
        byte[] leaf = MerkleTree.leafHash(
                seal.getLeafSalt().toByteArray(), response.getContent().toByteArray());
        byte[] root = MerkleTree.rootOf(
                leaf,
                seal.getPathList().stream()
                        .map(s -> new MerkleTree.Step(s.getSibling(), s.getSiblingOnLeft()))
                        .toList());
        if (!MessageDigest.isEqual(root, manifest.getRoot().toByteArray())) {
            throw new SealRejected(Problem.SIGNATURE_INVALID, "the answer is not among those the seal covers");
        }
        return new VerifiedSeal<>(manifest, signers.get(0));
    }
}
