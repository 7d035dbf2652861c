package kz.shlyuz.gateway.call;

import com.google.protobuf.ByteString;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Adds the gateway's SignerInfo to an agency's verified answer, over the same content bytes, so a
 * client verifies one CMS and sees both the agency's signers and the gateway.
 */
public final class ResponseSigner {
    private final CmsSigner signer;
    private final SignerKey gatewayKey;

    public ResponseSigner(CmsSigner signer, SignerKey gatewayKey) {
        this.signer = signer;
        this.gatewayKey = gatewayKey;
    }

    SignedResponse countersign(SignedResponse agencyAnswer) {
        byte[] signature = signer.addSigners(agencyAnswer.getSignature().toByteArray(),
                agencyAnswer.getContent().toByteArray(), List.of(gatewayKey));
        return agencyAnswer.toBuilder().setSignature(ByteString.copyFrom(signature)).build();
    }
}
