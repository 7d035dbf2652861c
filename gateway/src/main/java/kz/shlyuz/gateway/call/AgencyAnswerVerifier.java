package kz.shlyuz.gateway.call;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Checks an agency's answer before the gateway vouches for it: the signatures hold over the exact
 * bytes, every organisation that must sign has signed (MVD and the Ministry of Justice for the
 * address certificate), and the answer is the answer to this request.
 */
public final class AgencyAnswerVerifier {
    private final SignatureVerifier verifier;

    public AgencyAnswerVerifier(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /** The answer's content and the signers whose signatures were verified (with their revocation evidence). */
    public record Verified(ResponseContent content, List<VerifiedSigner> signers) {}

    public ResponseContent verify(String adapter, AdapterEndpoint endpoint, String requestId, SignedResponse answer) {
        return verifySigned(adapter, endpoint, requestId, answer).content();
    }

    /** As {@link #verify}, also giving the verified signers (for the evidence archive). */
    public Verified verifySigned(String adapter, AdapterEndpoint endpoint, String requestId, SignedResponse answer) {
        Map<String, String> meta = Map.of("agency", adapter);
        List<VerifiedSigner> signers;
        try {
            signers = verifier.verify(
                    answer.getContent().toByteArray(), answer.getSignature().toByteArray());
        } catch (Refusal r) {
            throw new Refusal(Reason.AGENCY_SIGNATURE_INVALID, adapter + ": " + r.reason(), meta, r);
        }
        Set<String> signedBins = signers.stream()
                .map(s -> s.holder().bin())
                .filter(b -> b != null)
                .collect(Collectors.toSet());
        for (String required : endpoint.signerBins()) {
            if (!signedBins.contains(required)) {
                throw new Refusal(
                        Reason.AGENCY_SIGNATURE_INVALID, adapter + ": no signature of BIN " + required, meta, null);
            }
        }
        ResponseContent content;
        try {
            content = ResponseContent.parseFrom(answer.getContent());
        } catch (InvalidProtocolBufferException e) {
            throw new Refusal(Reason.AGENCY_REFUSED, adapter + ": answer is not a ResponseContent", meta, e);
        }
        if (!requestId.equals(content.getCorrelationId())) {
            throw new Refusal(Reason.AGENCY_REFUSED, adapter + ": answer is for another request", meta, null);
        }
        return new Verified(content, signers);
    }
}
