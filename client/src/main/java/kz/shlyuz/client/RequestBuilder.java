package kz.shlyuz.client;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/** Builds signed requests: the content serialised once, the signature over exactly those bytes. */
public final class RequestBuilder {
    private final CmsSigner signer;

    public RequestBuilder(CmsSigner signer) {
        this.signer = signer;
    }

    /** Content with a fresh message id, created now. */
    public static RequestContent content(String sender, String serviceId, Message body, Instant createdAt) {
        return content(UUID.randomUUID().toString(), sender, serviceId, body, createdAt);
    }

    public static RequestContent content(
            String messageId, String sender, String serviceId, Message body, Instant createdAt) {
        return RequestContent.newBuilder()
                .setMessageId(messageId)
                .setServiceId(serviceId)
                .setCreatedAt(Timestamps.fromMillis(createdAt.toEpochMilli()))
                .setSenderId(sender)
                .setBody(Any.pack(body))
                .build();
    }

    /** Serialises {@code content} and signs those bytes, detached, one SignerInfo per signer. */
    public SignedRequest sign(RequestContent content, List<SignerKey> signers) {
        return signBytes(content.toByteArray(), signers);
    }

    public SignedRequest signBytes(byte[] contentBytes, List<SignerKey> signers) {
        return SignedRequest.newBuilder()
                .setContent(ByteString.copyFrom(contentBytes))
                .setSignature(ByteString.copyFrom(signer.signDetached(contentBytes, signers)))
                .build();
    }
}
