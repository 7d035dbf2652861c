package kz.shlyuz.gateway.admission;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.List;
import kz.shlyuz.gateway.services.ServiceDefinition;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * A request that passed every admission check.
 *
 * @param sender the sending system, from its TLS client certificate
 * @param contentSha256 hex SHA-256 of the signed content bytes: what a retry must repeat exactly
 */
public record AdmittedRequest(
        String sender,
        SignedRequest signed,
        RequestContent content,
        ServiceDefinition service,
        Message body,
        List<VerifiedSigner> signers,
        String contentSha256) {

    public AdmittedRequest {
        signers = List.copyOf(signers);
    }

    public String messageId() {
        return content.getMessageId();
    }

    public ByteString contentBytes() {
        return signed.getContent();
    }
}
