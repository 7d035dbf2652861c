package kz.shlyuz.gateway.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.security.MessageDigest;
import java.util.List;
import kz.shlyuz.gateway.seal.AnswerForm;
import kz.shlyuz.gateway.seal.MerkleTree;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.SealManifest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * The client's side of the batch seal: asking for it, and verifying a sealed answer the four ways
 * {@code envelope.proto} describes ({@code AnswerSeal}).
 */
public final class AnswerSeals {
    private AnswerSeals() {}

    /** What a verified seal says: the batch it belongs to and the gateway's verified signature. */
    public record VerifiedSeal(SealManifest manifest, VerifiedSigner gateway) {}

    /** A client interceptor that asks for {@code form} on every call of a stub it is attached to. */
    public static ClientInterceptor asking(AnswerForm form) {
        Metadata headers = new Metadata();
        headers.put(AnswerForm.HEADER_KEY, form.wireName());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    /**
     * Verifies the gateway's seal of an answer: the manifest's CMS (with {@code verifier}'s trust,
     * chain and revocation checks), then the answer's inclusion in the sealed tree. The agency's
     * signatures ({@code response.signature}) are verified separately, as for any answer.
     *
     * @throws Refusal SIGNATURE_MISSING without a seal, SIGNATURE_INVALID when the proof does not
     *     lead to the signed root, or whatever the manifest's CMS verification refuses
     */
    public static VerifiedSeal verify(SignedResponse response, SignatureVerifier verifier) {
        if (!response.hasGatewaySeal()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "the answer carries no gateway seal");
        }
        AnswerSeal seal = response.getGatewaySeal();
        List<VerifiedSigner> signers = verifier.verify(seal.getManifest().toByteArray(),
                seal.getManifestSignature().toByteArray());
        if (signers.size() != 1) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "a seal manifest has one signer, this one " + signers.size());
        }
        SealManifest manifest;
        try {
            manifest = SealManifest.parseFrom(seal.getManifest());
        } catch (InvalidProtocolBufferException e) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "the seal manifest cannot be read", e);
        }
        if (!MerkleTree.HASH_ALGORITHM.equals(manifest.getHashAlgorithm())) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, manifest.getHashAlgorithm());
        }
        byte[] leaf = MerkleTree.leafHash(seal.getLeafSalt().toByteArray(), response.getContent().toByteArray());
        byte[] root = MerkleTree.rootOf(leaf, seal.getPathList().stream()
                .map(s -> new MerkleTree.Step(s.getSibling().toByteArray(), s.getSiblingOnLeft()))
                .toList());
        if (!MessageDigest.isEqual(root, manifest.getRoot().toByteArray())) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "the answer is not among those the seal covers");
        }
        return new VerifiedSeal(manifest, signers.get(0));
    }
}
