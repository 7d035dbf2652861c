package kz.shlyuz.gateway.console.data;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import kz.shlyuz.client.AnswerSeals;
import kz.shlyuz.client.SealRejected;
import kz.shlyuz.gateway.evidence.Digests;
import kz.shlyuz.gateway.signature.SignerInfoVerifiers;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.SealManifest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Reads a stored answer ({@code SignedResponse}) into an {@link AnswerView}: its signers and its
 * batch seal, whose proof is recomputed with the client library's {@link AnswerSeals#verify}, the
 * check every caller of a sealed answer makes. The content is hashed, never shown.
 */
final class AnswerEvidence {
    private AnswerEvidence() {}

    /** The view of a stored answer. */
    static AnswerView of(byte[] stored, boolean unmask) {
        SignedResponse answer;
        try {
            answer = SignedResponse.parseFrom(stored);
        } catch (InvalidProtocolBufferException e) {
            return AnswerView.notKept("UNREADABLE");
        }
        if (answer.getSignature().isEmpty() && !answer.hasGatewaySeal()) {
            return AnswerView.notKept("UNREADABLE");
        }
        return new AnswerView(
                null,
                answer.hasGatewaySeal() ? "BATCH_SEAL" : "COUNTERSIGNED",
                Digests.hex(answer.getContent()),
                CmsSigners.of(answer.getSignature().toByteArray(), unmask),
                answer.hasGatewaySeal() ? seal(answer, unmask) : null);
    }

    private static AnswerView.SealProof seal(SignedResponse answer, boolean unmask) {
        AnswerSeal seal = answer.getGatewaySeal();
        SealManifest manifest;
        try {
            manifest = SealManifest.parseFrom(seal.getManifest());
        } catch (InvalidProtocolBufferException e) {
            manifest = SealManifest.getDefaultInstance();
        }
        List<SignerView> sealers = CmsSigners.of(seal.getManifestSignature().toByteArray(), unmask);
        String problem = null;
        try {
            AnswerSeals.verify(answer, AnswerEvidence::signatureValues);
        } catch (SealRejected e) {
            problem = e.problem() + ": " + e.detail();
        } catch (IllegalArgumentException e) {
            problem = "SIGNATURE_INVALID: " + e.getMessage();
        }
        return new AnswerView.SealProof(
                manifest.getSealId(),
                manifest.hasSealedAt() ? instant(manifest.getSealedAt()) : null,
                manifest.getHashAlgorithm(),
                manifest.getLeafCount(),
                HexFormat.of().formatHex(manifest.getRoot().toByteArray()),
                seal.getPathCount(),
                sealers.isEmpty() ? null : sealers.get(0),
                problem == null,
                problem);
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /**
     * The certificates of the SignerInfos of a detached CMS whose signature values verify over
     * {@code content}; any that does not throws.
     */
    private static List<X509CertificateHolder> signatureValues(byte[] content, byte[] detached) {
        List<X509CertificateHolder> out = new ArrayList<>();
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), detached);
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> match =
                        signed.getCertificates().getMatches(signer.getSID());
                if (match.isEmpty()) {
                    throw new IllegalArgumentException("the manifest's signer certificate is not in its CMS");
                }
                X509CertificateHolder cert = match.iterator().next();
                if (!signer.verify(SignerInfoVerifiers.of(cert))) {
                    throw new IllegalArgumentException("the manifest's signature value does not verify");
                }
                out.add(cert);
            }
        } catch (CMSException | OperatorCreationException | CertificateException e) {
            throw new IllegalArgumentException("the manifest's CMS: " + e.getMessage(), e);
        }
        return out;
    }
}
