package kz.shlyuz.gateway.admission;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.config.Bounds;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.services.Applicants;
import kz.shlyuz.gateway.services.ServiceDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.Untrusted;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * Decides whether a signed request may enter, in the order the portal's flows describe (004 annex
 * 3): size, sender, signature over the exact bytes, format, service and right to it, freshness,
 * the data (IIN/BIN check digits), and finally whether the signers are the applicants
 * ({@link ApplicantSignatures}).
 */
public final class RequestAdmission {
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final GatewayConfig config;
    private final Services catalog;
    private final SignatureVerifier verifier;
    private final Clock clock;

    public RequestAdmission(GatewayConfig config, Services catalog, SignatureVerifier verifier, Clock clock) {
        this.config = config;
        this.catalog = catalog;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Admits or refuses.
     *
     * @param sender the TLS client certificate's CN
     * @param synchronous true for {@code Call}, false for {@code Submit}
     */
    public AdmittedRequest admit(String sender, SignedRequest request, boolean synchronous) {
        int size = request.getSerializedSize();
        int limit = config.limits().maxRequestBytes();
        if (size > limit) {
            throw new Refusal(Reason.REQUEST_TOO_LARGE, size + " bytes (limit " + limit + ")");
        }
        SenderPolicy policy = config.sender(sender).orElseThrow(() -> new Refusal(Reason.SENDER_NOT_ALLOWED, sender));
        if (request.getSignature().isEmpty()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        byte[] contentBytes = request.getContent().toByteArray();
        byte[] signature = request.getSignature().toByteArray();
        List<VerifiedSigner> signers;
        if (contentBytes.length == 0) {
            // An attached signature carries the content (NCALayer's default); take it from there.
            SignatureVerifier.Attached attached =
                    kz.shlyuz.gateway.ops.tracing.Stages.call("verification", () -> verifier.verifyAttached(signature));
            contentBytes = attached.content().toByteArray();
            signers = attached.signers();
            request = request.toBuilder().setContent(attached.content()).build();
        } else {
            byte[] detached = contentBytes;
            signers = kz.shlyuz.gateway.ops.tracing.Stages.call(
                    "verification", () -> verifier.verify(detached, signature));
        }

        RequestContent content = parse(request, config.bounds().content());
        if (!content.getSenderId().equals(sender)) {
            throw new Refusal(
                    Reason.SENDER_MISMATCH,
                    "sender_id «" + Untrusted.shown(content.getSenderId()) + "», TLS «" + sender + "»");
        }
        ServiceDefinition service = catalog.find(content.getServiceId())
                .orElseThrow(() -> new Refusal(Reason.SERVICE_UNKNOWN, Untrusted.shown(content.getServiceId())));
        if (!policy.allows(service.id())) {
            throw new Refusal(Reason.SERVICE_NOT_ALLOWED, service.id());
        }
        if (service.synchronous() != synchronous) {
            throw new Refusal(
                    service.synchronous() ? Reason.SERVICE_IS_SYNCHRONOUS : Reason.SERVICE_IS_ASYNCHRONOUS,
                    service.id());
        }
        requireFresh(content);
        Message body = unpack(content, service, config.bounds().content().protobufRecursionLimit());
        Applicants applicants = service.applicantsOf(body);
        requireValidNumbers(applicants, signers);
        ApplicantSignatures.require(
                config.signerRules().rolesFor(service.id()), applicants, signers, policy, sender, service.id());
        return new AdmittedRequest(sender, request, content, service, body, signers, sha256(contentBytes));
    }

    private static RequestContent parse(SignedRequest request, Bounds.Content bounds) {
        RequestContent content;
        try {
            content = parseBounded(RequestContent.parser(), request.getContent(), bounds.protobufRecursionLimit());
        } catch (InvalidProtocolBufferException e) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "content is not a shlyuz.v1.RequestContent", e);
        }
        requireBoundedProperties(content.getPropertiesMap(), bounds);
        if (!MESSAGE_ID.matcher(content.getMessageId()).matches()) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "message_id must be 1–64 characters of A-Z a-z 0-9 . _ : -");
        }
        if (content.getServiceId().isEmpty()) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "service_id is empty");
        }
        if (!content.hasCreatedAt()) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "created_at is missing");
        }
        if (!content.hasBody()) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "body is missing");
        }
        return content;
    }

    /**
     * Parses {@code bytes} with protobuf's nesting bounded: a message nested deeper than any
     * service's body is refused, not recursed into (protobuf's default allows 100 levels).
     */
    static <T extends Message> T parseBounded(
            com.google.protobuf.Parser<T> parser, ByteString bytes, int recursionLimit)
            throws InvalidProtocolBufferException {
        CodedInputStream in = bytes.newCodedInput();
        in.setRecursionLimit(recursionLimit);
        T message = parser.parseFrom(in);
        in.checkLastTagWas(0);
        return message;
    }

    /** The properties are journaled with the message: so many and so large at most. */
    private static void requireBoundedProperties(Map<String, String> properties, Bounds.Content bounds) {
        if (properties.size() > bounds.maxProperties()) {
            throw new Refusal(
                    Reason.MESSAGE_MALFORMED,
                    properties.size() + " properties (expected: <= " + bounds.maxProperties() + ")");
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            int keyBytes = property.getKey().getBytes(StandardCharsets.UTF_8).length;
            if (keyBytes > bounds.maxPropertyKeyBytes()) {
                throw new Refusal(
                        Reason.MESSAGE_MALFORMED,
                        "a property key of " + keyBytes + " bytes (expected: <= " + bounds.maxPropertyKeyBytes() + ")");
            }
            int valueBytes = property.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (valueBytes > bounds.maxPropertyValueBytes()) {
                throw new Refusal(
                        Reason.MESSAGE_MALFORMED,
                        "property «" + Untrusted.shown(property.getKey()) + "»: " + valueBytes + " bytes (expected: <= "
                                + bounds.maxPropertyValueBytes() + ")");
            }
        }
    }

    private void requireFresh(RequestContent content) {
        Instant created;
        try {
            created = Instant.ofEpochMilli(Timestamps.toMillis(Timestamps.checkValid(content.getCreatedAt())));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.MESSAGE_MALFORMED, "created_at is not a valid timestamp", e);
        }
        Instant now = clock.instant();
        Duration window = config.limits().messageFreshness();
        if (created.isBefore(now.minus(window)) || created.isAfter(now.plus(window))) {
            throw new Refusal(
                    Reason.MESSAGE_STALE,
                    "created_at " + created + ", gateway time " + now + ", allowed ±" + window.toMinutes() + " min");
        }
    }

    private static Message unpack(RequestContent content, ServiceDefinition service, int recursionLimit) {
        for (Class<? extends Message> followUp : service.followUpTypes()) {
            if (!content.getBody().is(followUp)) {
                continue;
            }
            if (content.getCorrelationId().isEmpty()) {
                throw new Refusal(
                        Reason.BODY_INVALID, followUp.getSimpleName() + " needs correlation_id = the case id");
            }
            try {
                return unpackBounded(content, followUp, recursionLimit);
            } catch (InvalidProtocolBufferException e) {
                throw new Refusal(Reason.BODY_INVALID, "body cannot be read as " + followUp.getSimpleName(), e);
            }
        }
        if (!content.getBody().is(service.bodyType())) {
            throw new Refusal(
                    Reason.BODY_INVALID,
                    "body is " + Untrusted.shown(content.getBody().getTypeUrl()) + ", " + service.id() + " expects "
                            + service.bodyType().getSimpleName());
        }
        try {
            return unpackBounded(content, service.bodyType(), recursionLimit);
        } catch (InvalidProtocolBufferException e) {
            throw new Refusal(
                    Reason.BODY_INVALID,
                    "body cannot be read as " + service.bodyType().getSimpleName(),
                    e);
        }
    }

    /** {@link com.google.protobuf.Any#unpack} with the nesting bounded (the type is checked by the caller). */
    private static <T extends Message> T unpackBounded(RequestContent content, Class<T> type, int recursionLimit)
            throws InvalidProtocolBufferException {
        @SuppressWarnings("unchecked")
        com.google.protobuf.Parser<T> parser = (com.google.protobuf.Parser<T>)
                com.google.protobuf.Internal.getDefaultInstance(type).getParserForType();
        return parseBounded(parser, content.getBody().getValue(), recursionLimit);
    }

    private void requireValidNumbers(Applicants applicants, List<VerifiedSigner> signers) {
        if (applicants.iins().isEmpty() && applicants.bin() == null) {
            throw new Refusal(Reason.BODY_INVALID, "no applicant IIN or BIN");
        }
        for (String iin : applicants.iins()) {
            if (!CheckDigit.holds(iin)) {
                throw new Refusal(Reason.IIN_INVALID, Iin.mask(iin));
            }
        }
        if (applicants.bin() != null && !CheckDigit.holds(applicants.bin())) {
            throw new Refusal(Reason.BIN_INVALID, applicants.bin());
        }
        if (config.strictCheckDigits()) {
            for (VerifiedSigner signer : signers) {
                String iin = signer.holder().iin();
                if (iin != null && !CheckDigit.holds(iin)) {
                    throw new Refusal(Reason.IIN_INVALID, "signer " + Iin.mask(iin));
                }
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
