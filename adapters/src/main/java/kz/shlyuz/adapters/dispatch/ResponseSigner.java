package kz.shlyuz.adapters.dispatch;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Wraps an answer body in a {@code ResponseContent}, serialises it once and signs exactly those
 * bytes with a detached CMS: one SignerInfo per agency key.
 */
public final class ResponseSigner {
    private final String agency;
    private final CmsSigner cms;
    private final List<SignerKey> signers;

    /** @param signers the agency's signing keys, e.g. MVD and MoJ for the address certificate */
    public ResponseSigner(String agency, CmsSigner cms, List<SignerKey> signers) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.cms = Objects.requireNonNull(cms, "cms");
        this.signers = List.copyOf(signers);
        if (this.signers.isEmpty()) {
            throw new IllegalArgumentException("signers: [] (expected: at least one key)");
        }
    }

    SignedResponse sign(AgencyRequest request, Message body, Instant respondedAt) {
        byte[] content = ResponseContent.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCorrelationId(request.getRequestId())
                .setServiceId(request.getServiceId())
                .setRespondedAt(ProtoTime.timestamp(respondedAt))
                .setAgency(agency)
                .setBody(Any.pack(body))
                .build()
                .toByteArray();
        return SignedResponse.newBuilder()
                .setContent(ByteString.copyFrom(content))
                .setSignature(ByteString.copyFrom(cms.signDetached(content, signers)))
                .build();
    }
}
