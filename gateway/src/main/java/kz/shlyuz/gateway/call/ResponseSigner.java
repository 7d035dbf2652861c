package kz.shlyuz.gateway.call;

import com.google.protobuf.ByteString;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.gateway.seal.AnswerSealer;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Adds the gateway's signature to an agency's verified answer, in the form the caller asked for:
 * a SignerInfo over the same content bytes beside the agency's (a client verifies one CMS and sees
 * both the agency's signers and the gateway), or a batch seal shared with the answers finishing at
 * the same time (see {@link AnswerSealer}).
 */
public final class ResponseSigner {
    private final CmsSigner signer;
    private final SignerKey gatewayKey;
    private final AnswerSealer sealer;

    public ResponseSigner(CmsSigner signer, SignerKey gatewayKey, AnswerSealer sealer) {
        this.signer = signer;
        this.gatewayKey = gatewayKey;
        this.sealer = sealer;
    }

    SignedResponse sign(SignedResponse agencyAnswer, AnswerForm form) {
        return switch (form) {
            case COUNTERSIGNATURE -> countersign(agencyAnswer);
            case BATCH_SEAL ->
                agencyAnswer.toBuilder()
                        .setGatewaySeal(sealer.seal(agencyAnswer.getContent().toByteArray()))
                        .build();
        };
    }

    private SignedResponse countersign(SignedResponse agencyAnswer) {
        byte[] signature = signer.addSigners(
                agencyAnswer.getSignature().toByteArray(),
                agencyAnswer.getContent().toByteArray(),
                List.of(gatewayKey));
        return agencyAnswer.toBuilder()
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }
}
