package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.config.EdgeSettings;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main refusal matrix (issue 9 point 8): bad input of every layer — transport, envelope,
 * content, business rules, limits — through a real TLS socket. Each case asserts the gRPC code,
 * the reason, the ШЭП code and both messages (as the reason's templates, whatever the detail), and
 * is followed by a valid call that succeeds, so no refusal leaves the gateway worse for the next
 * caller. CMS and certificate cases are in SignatureRefusalMatrixTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefusalMatrixTest {
    private static final String PORTAL = "egov-portal";
    private static final String ADDRESS = "ADDRESS_CERTIFICATE";
    /** Senders of this test's own, with TLS certificates it issues from the dev TLS CA. */
    private static final String RATE_PROBE = "rate-probe";

    private static final String QUOTA_PROBE = "quota-probe";
    private static final String FORM_PROBE = "form-probe";
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final DevPki pki = TestPki.get();
    private final AdvanceableClock clock = new AdvanceableClock();
    private final String cleanIin = Persona.CLEAN.iin().value();
    private final List<GatewayClient> extraClients = new ArrayList<>();
    private GatewayEnvironment env;
    private TlsFiles twoCns;
    private TlsFiles oddCn;
    private TlsFiles unknownCa;
    private TlsFiles noCertificate;

    @BeforeAll
    void start() throws Exception {
        twoCns = ClientCertificates.issued(pki, PORTAL, "hkko");
        oddCn = ClientCertificates.issued(pki, "egov portal");
        unknownCa = ClientCertificates.fromUnknownCa(pki, PORTAL);
        // The trust of a real sender, without the client key and certificate.
        TlsFiles portal = new TlsFiles(pki.tlsCertChainPem(PORTAL), pki.tlsKeyPem(PORTAL), pki.tlsTrustPem());
        noCertificate = portal;
        SenderPolicy addressOnly = new SenderPolicy(Set.of(ADDRESS), Set.of());
        env = new GatewayEnvironment(
                Set.of("gbd-fl", "gbd-ul"),
                c -> c.withSender(RATE_PROBE, addressOnly)
                        .withSender(QUOTA_PROBE, addressOnly)
                        .withSender(FORM_PROBE, addressOnly)
                        .withEdge(c.edge()
                                .withSender(
                                        RATE_PROBE,
                                        new EdgeSettings.SenderLimits(new EdgeSettings.RateLimit(0.01, 3), null))
                                .withSender(QUOTA_PROBE, new EdgeSettings.SenderLimits(null, 3L))
                                .withTransport(c.edge()
                                        .transport()
                                        .withCallTimes(Duration.ofSeconds(3), Duration.ofSeconds(60)))),
                clock);
    }

    @AfterAll
    void stop() {
        extraClients.forEach(GatewayClient::close);
        if (env != null) {
            env.close();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private GatewayClient clientWith(TlsFiles tls) {
        GatewayClient client = new GatewayClient(
                "127.0.0.1", env.gateway.port(), tls, DevMaterial.GATEWAY_SYSTEM, Duration.ofSeconds(10));
        extraClients.add(client);
        return client;
    }

    private GatewayClient probe(String system) {
        return clientWith(ClientCertificates.issued(pki, system));
    }

    private RequestContent content(String sender, String service, com.google.protobuf.Message body) {
        return RequestBuilder.content(sender, service, body, clock.instant());
    }

    private RequestContent address(String sender, String iin) {
        return content(
                sender,
                ADDRESS,
                AddressCertificateRequest.newBuilder().setIin(iin).build());
    }

    private SignedRequest signed(RequestContent content, String signer) {
        return env.requests.sign(content, List.of(env.pki.signerKey(signer)));
    }

    private SignedRequest signedBytes(byte[] content, String signer) {
        return env.requests.signBytes(content, List.of(env.pki.signerKey(signer)));
    }

    private SignedRequest valid(String sender) {
        return signed(address(sender, cleanIin), Persona.CLEAN.key());
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sends {@code bytes} as the request of {@code method}, whatever they are. */
    private static byte[] raw(GatewayClient client, String method, byte[] bytes) {
        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(method)
                .setRequestMarshaller(Bytes.INSTANCE)
                .setResponseMarshaller(Bytes.INSTANCE)
                .build();
        return ClientCalls.blockingUnaryCall(
                client.channel(), descriptor, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), bytes);
    }

    /** Asserts the refusal, its ШЭП code and both messages as the reason's templates. */
    private static Refusals.Refused refused(Status.Code code, String reasonName, Executable call) {
        Refusals.Refused refused = assertRefused(code, reasonName, call);
        Reason reason = Reason.valueOf(reasonName);
        assertEquals(reason.code(), code, "the case's code is the reason's");
        assertEquals(reason.shepCode(), refused.shepCode(), "ШЭП code");
        assertTemplate(reason.kazakh("\u0000"), refused.kazakh(), "Kazakh");
        assertTemplate(reason.russian("\u0000"), refused.russian(), "Russian");
        return refused;
    }

    private static void assertTemplate(String template, String message, String language) {
        int hole = template.indexOf('\u0000');
        if (hole < 0) {
            assertEquals(template, message, language + " message");
            return;
        }
        assertTrue(message.startsWith(template.substring(0, hole)), () -> language + " message: " + message);
        assertTrue(message.endsWith(template.substring(hole + 1)), () -> language + " message: " + message);
    }

    private void validCallSucceeds() {
        SignedResponse response = env.client(PORTAL).call(valid(PORTAL));
        assertFalse(response.getContent().isEmpty(), "a valid call after the refusal is answered");
    }

    // --- the matrix ------------------------------------------------------------------------------

    /** One bad input: what it is, the refusal it must get, and how to send it. */
    record Case(String name, Status.Code code, String reason, Consumer<RefusalMatrixTest> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case refusal(String name, Status.Code code, String reason, Consumer<RefusalMatrixTest> send) {
        return new Case(name, code, reason, send);
    }

    Stream<Case> cases() {
        return Stream.of(
                // transport identity
                refusal(
                        "client certificate with two CNs",
                        Status.Code.UNAUTHENTICATED,
                        "SENDER_CERT_INVALID",
                        t -> t.clientWith(t.twoCns).call(t.valid(PORTAL))),
                refusal(
                        "client certificate CN that is not a system id",
                        Status.Code.UNAUTHENTICATED,
                        "SENDER_CERT_INVALID",
                        t -> t.clientWith(t.oddCn).call(t.valid(PORTAL))),
                refusal(
                        "two-CN certificate on the cabinet",
                        Status.Code.UNAUTHENTICATED,
                        "SENDER_CERT_INVALID",
                        t -> CabinetGrpc.newBlockingStub(t.clientWith(t.twoCns).channel())
                                .listCases(ListCasesRequest.newBuilder()
                                        .setCitizenIin(t.cleanIin)
                                        .build())),
                refusal(
                        "request over the admission limit",
                        Status.Code.RESOURCE_EXHAUSTED,
                        "REQUEST_TOO_LARGE",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .putProperties(
                                                        "padding",
                                                        "x"
                                                                .repeat(t.env.config
                                                                                .limits()
                                                                                .maxRequestBytes()
                                                                        + 1))
                                                .build(),
                                        Persona.CLEAN.key()))),
                // envelope
                refusal(
                        "three bytes of garbage",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> raw(t.env.client(PORTAL), "shlyuz.v1.Gateway/Call", new byte[] {(byte) 0xff, 0x01, 0x02})),
                refusal(
                        "three bytes of garbage from a system that is not a sender",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> raw(t.env.client("tax"), "shlyuz.v1.Gateway/Call", new byte[] {(byte) 0xff, 0x01, 0x02})),
                refusal("truncated envelope", Status.Code.INVALID_ARGUMENT, "MESSAGE_MALFORMED", t -> {
                    byte[] whole = t.valid(PORTAL).toByteArray();
                    raw(t.env.client(PORTAL), "shlyuz.v1.Gateway/Call", Arrays.copyOf(whole, whole.length / 2));
                }),
                refusal(
                        "garbage envelope on Submit",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> raw(t.env.client("hkko"), "shlyuz.v1.Gateway/Submit", new byte[] {0x0a, 0x7f})),
                refusal(
                        "garbage on the cabinet",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> raw(t.env.client(PORTAL), "shlyuz.v1.Cabinet/ListCases", new byte[] {0x0a, (byte) 0xff})),
                refusal(
                        "empty envelope",
                        Status.Code.UNAUTHENTICATED,
                        "SIGNATURE_MISSING",
                        t -> t.env.client(PORTAL).call(SignedRequest.getDefaultInstance())),
                refusal(
                        "signed content that is not a RequestContent",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signedBytes(new byte[] {0x0a, (byte) 0xff, 0x00}, Persona.CLEAN.key()))),
                refusal(
                        "message id with forbidden characters",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .setMessageId("id\nforged log line")
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "empty service id",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .clearServiceId()
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "missing created_at",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .clearCreatedAt()
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "created_at that is not a timestamp",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .setCreatedAt(Timestamp.newBuilder()
                                                        .setSeconds(1)
                                                        .setNanos(-5))
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "missing body",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_MALFORMED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .clearBody()
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "body with a type URL of no known message",
                        Status.Code.INVALID_ARGUMENT,
                        "BODY_INVALID",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .setBody(Any.newBuilder()
                                                        .setTypeUrl("type.googleapis.com/shlyuz.v1.NoSuchRequest")
                                                        .setValue(ByteString.copyFromUtf8("x")))
                                                .build(),
                                        Persona.CLEAN.key()))),
                refusal(
                        "body of the wrong type",
                        Status.Code.INVALID_ARGUMENT,
                        "BODY_INVALID",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.content(
                                                PORTAL,
                                                ADDRESS,
                                                TemporaryIdRequest.newBuilder()
                                                        .setIin(t.cleanIin)
                                                        .build()),
                                        Persona.CLEAN.key()))),
                refusal(
                        "body bytes that are not the declared type",
                        Status.Code.INVALID_ARGUMENT,
                        "BODY_INVALID",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.address(PORTAL, t.cleanIin).toBuilder()
                                                .setBody(Any.newBuilder()
                                                        .setTypeUrl("type.googleapis.com/"
                                                                + AddressCertificateRequest.getDescriptor()
                                                                        .getFullName())
                                                        .setValue(ByteString.copyFrom(new byte[] {0x0a, 0x7f})))
                                                .build(),
                                        Persona.CLEAN.key()))),
                // content
                refusal(
                        "unknown service",
                        Status.Code.INVALID_ARGUMENT,
                        "SERVICE_UNKNOWN",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.content(
                                                PORTAL,
                                                "PASSPORT_TO_MARS",
                                                AddressCertificateRequest.newBuilder()
                                                        .setIin(t.cleanIin)
                                                        .build()),
                                        Persona.CLEAN.key()))),
                refusal(
                        "asynchronous service on Call",
                        Status.Code.FAILED_PRECONDITION,
                        "SERVICE_IS_ASYNCHRONOUS",
                        t -> t.env.client("hkko")
                                .call(t.signed(
                                        t.content(
                                                "hkko",
                                                "TEMPORARY_ID",
                                                TemporaryIdRequest.newBuilder()
                                                        .setIin(t.cleanIin)
                                                        .build()),
                                        Persona.CLEAN.key()))),
                refusal(
                        "synchronous service on Submit",
                        Status.Code.FAILED_PRECONDITION,
                        "SERVICE_IS_SYNCHRONOUS",
                        t -> t.env.client(PORTAL).submit(t.valid(PORTAL))),
                refusal("IIN with a wrong check digit", Status.Code.INVALID_ARGUMENT, "IIN_INVALID", t -> {
                    String first11 = t.cleanIin.substring(0, 11);
                    t.env.client(PORTAL)
                            .call(t.signed(
                                    t.address(PORTAL, first11 + (CheckDigit.compute(first11) + 1) % 10),
                                    Persona.CLEAN.key()));
                }),
                refusal("BIN with a wrong check digit", Status.Code.INVALID_ARGUMENT, "BIN_INVALID", t -> {
                    String bin = Organisation.STATE_CORPORATION.bin().value();
                    String wrong = bin.substring(0, 11) + (CheckDigit.compute(bin.substring(0, 11)) + 1) % 10;
                    t.env.client(PORTAL)
                            .call(t.signed(
                                    t.content(
                                            PORTAL,
                                            ADDRESS,
                                            AddressCertificateRequest.newBuilder()
                                                    .setBin(wrong)
                                                    .build()),
                                    "hkko-operator"));
                }),
                refusal(
                        "applicant IIN left empty",
                        Status.Code.INVALID_ARGUMENT,
                        "IIN_INVALID",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.content(PORTAL, ADDRESS, AddressCertificateRequest.getDefaultInstance()),
                                        Persona.CLEAN.key()))),
                refusal(
                        "created_at an hour ago",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_STALE",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        RequestBuilder.content(
                                                PORTAL,
                                                ADDRESS,
                                                AddressCertificateRequest.newBuilder()
                                                        .setIin(t.cleanIin)
                                                        .build(),
                                                t.clock.instant().minus(Duration.ofHours(1))),
                                        Persona.CLEAN.key()))),
                refusal(
                        "created_at an hour ahead",
                        Status.Code.INVALID_ARGUMENT,
                        "MESSAGE_STALE",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        RequestBuilder.content(
                                                PORTAL,
                                                ADDRESS,
                                                AddressCertificateRequest.newBuilder()
                                                        .setIin(t.cleanIin)
                                                        .build(),
                                                t.clock.instant().plus(Duration.ofHours(1))),
                                        Persona.CLEAN.key()))),
                refusal(
                        "sender_id that is not the TLS identity",
                        Status.Code.UNAUTHENTICATED,
                        "SENDER_MISMATCH",
                        t -> t.env.client(PORTAL).call(t.valid("hkko"))),
                refusal(
                        "service the sender may not use",
                        Status.Code.PERMISSION_DENIED,
                        "SERVICE_NOT_ALLOWED",
                        t -> t.env.client("burkit").call(t.valid("burkit"))),
                refusal(
                        "system that is not a sender",
                        Status.Code.PERMISSION_DENIED,
                        "SENDER_NOT_ALLOWED",
                        t -> t.env.client("tax").call(t.valid("tax"))),
                refusal("message id reused with other content", Status.Code.ALREADY_EXISTS, "REPLAY_MISMATCH", t -> {
                    RequestContent first = t.address(PORTAL, t.cleanIin);
                    t.env.client(PORTAL).call(t.signed(first, Persona.CLEAN.key()));
                    t.env.client(PORTAL)
                            .call(t.signed(
                                    first.toBuilder()
                                            .putProperties("channel", "mobile")
                                            .build(),
                                    Persona.CLEAN.key()));
                }),
                refusal(
                        "no signature",
                        Status.Code.UNAUTHENTICATED,
                        "SIGNATURE_MISSING",
                        t -> t.env.client(PORTAL)
                                .call(t.valid(PORTAL).toBuilder()
                                        .clearSignature()
                                        .build())),
                // business rules
                refusal(
                        "applicant did not sign",
                        Status.Code.PERMISSION_DENIED,
                        "SIGNER_MISMATCH",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(t.address(PORTAL, t.cleanIin), Persona.TAX_DEBTOR.key()))),
                refusal(
                        "operator of an organisation not entitled for the sender",
                        Status.Code.PERMISSION_DENIED,
                        "OPERATOR_NOT_ENTITLED",
                        t -> t.env.client("hkko").call(t.signed(t.address("hkko", t.cleanIin), "agency-mvd"))),
                refusal(
                        "employee signing where a head or signing right is needed",
                        Status.Code.PERMISSION_DENIED,
                        "SIGNER_ROLE_NOT_ALLOWED",
                        t -> t.env.client(PORTAL)
                                .call(t.signed(
                                        t.content(
                                                PORTAL,
                                                ADDRESS,
                                                AddressCertificateRequest.newBuilder()
                                                        .setBin(Organisation.STATE_CORPORATION
                                                                .bin()
                                                                .value())
                                                        .build()),
                                        "hkko-operator"))),
                refusal(
                        "cabinet read without a citizen",
                        Status.Code.PERMISSION_DENIED,
                        "CABINET_NOT_ALLOWED",
                        t -> CabinetGrpc.newBlockingStub(t.env.client(PORTAL).channel())
                                .listCases(ListCasesRequest.getDefaultInstance())),
                refusal(
                        "cabinet read with a wrong IIN check digit",
                        Status.Code.INVALID_ARGUMENT,
                        "IIN_INVALID",
                        t -> CabinetGrpc.newBlockingStub(t.env.client(PORTAL).channel())
                                .listCases(ListCasesRequest.newBuilder()
                                        .setCitizenIin("123456789012")
                                        .build())),
                // answer form
                refusal("answer form nobody knows", Status.Code.PERMISSION_DENIED, "ANSWER_FORM_NOT_ALLOWED", t -> {
                    Metadata headers = new Metadata();
                    headers.put(AnswerForm.HEADER_KEY, "zip");
                    GatewayGrpc.newBlockingStub(t.env.client(PORTAL).channel())
                            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .call(t.valid(PORTAL));
                }),
                refusal(
                        "answer form the sender may not ask for",
                        Status.Code.PERMISSION_DENIED,
                        "ANSWER_FORM_NOT_ALLOWED",
                        t -> t.probe(FORM_PROBE).call(t.valid(FORM_PROBE), AnswerForm.BATCH_SEAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void refusesEachBadInputAndServesTheNextValidCall(Case c) {
        refused(c.code(), c.reason(), () -> c.send().accept(this));
        validCallSucceeds();
    }

    @Test
    @Order(2)
    void malformedEnvelopeIsJournaledByTheDigestOfItsBytes() throws Exception {
        byte[] garbage = {(byte) 0xfe, 0x03, 0x04}; // sent by no other case
        Refusals.Refused refused = refused(
                Status.Code.INVALID_ARGUMENT,
                "MESSAGE_MALFORMED",
                () -> raw(env.client("tax"), "shlyuz.v1.Gateway/Call", garbage));
        assertTrue(refused.russian().contains("3 bytes"), refused.russian());
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(garbage));
        List<JournalEntry> rows = env.gateway.journal().recent(200).stream()
                .filter(e -> digest.equals(e.contentSha256()))
                .toList();
        assertEquals(1, rows.size(), "one row for the one refusal");
        assertEquals("MESSAGE_MALFORMED", rows.get(0).reason());
        assertEquals("tax", rows.get(0).sender());
        assertTrue(rows.get(0).messageId().startsWith("edge-"), rows.get(0).messageId());
        validCallSucceeds();
    }

    @Test
    @Order(3)
    void refusesATlsHandshakeWithoutClientCertificate() throws Exception {
        // The trust alone: a client that presents no certificate.
        var credentials = io.grpc.TlsChannelCredentials.newBuilder()
                .trustManager(noCertificate.trust().toFile())
                .build();
        var channel = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", env.gateway.port(), credentials)
                .overrideAuthority(DevMaterial.GATEWAY_SYSTEM)
                .build();
        try {
            StatusRuntimeException e = assertThrows(
                    StatusRuntimeException.class,
                    () -> GatewayGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .call(valid(PORTAL)));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
        } finally {
            channel.shutdownNow();
        }
        validCallSucceeds();
    }

    @Test
    @Order(4)
    void refusesATlsHandshakeWithClientCertificateOfAnUnknownCa() {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class, () -> clientWith(unknownCa).call(valid(PORTAL)));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
        validCallSucceeds();
    }

    @Test
    @Order(5)
    void rateLimitsABurstWithRetryInfoWithoutTouchingOtherSenders() {
        GatewayClient rate = probe(RATE_PROBE);
        for (int i = 0; i < 3; i++) {
            rate.call(valid(RATE_PROBE)); // the burst
        }
        Executable over = () -> rate.call(valid(RATE_PROBE));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, over);
        refused(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMITED", () -> {
            throw e;
        });
        Duration delay = retryDelay(e);
        // One token every 100 s: the delay is what is left of that, and real time barely moves it.
        assertTrue(
                delay.compareTo(Duration.ofSeconds(50)) > 0 && delay.compareTo(Duration.ofSeconds(100)) <= 0,
                "retry when the next token is there: " + delay);
        assertEquals(1, env.gateway.rateLimiter().refusals(RATE_PROBE, Reason.RATE_LIMITED));
        validCallSucceeds(); // another sender is served meanwhile

        clock.advance(delay);
        rate.call(valid(RATE_PROBE));
    }

    @Test
    @Order(6)
    void refusesOverTheDailyQuotaUntilMidnightInAlmaty() {
        GatewayClient quota = probe(QUOTA_PROBE);
        for (int i = 0; i < 3; i++) {
            quota.call(valid(QUOTA_PROBE));
        }
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> quota.call(valid(QUOTA_PROBE)));
        Refusals.Refused refused = refused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXCEEDED", () -> {
            throw e;
        });
        LocalDate tomorrow = clock.instant().atZone(ALMATY).toLocalDate().plusDays(1);
        assertTrue(refused.russian().contains(tomorrow + " 00:00"), refused.russian());
        Instant midnight = tomorrow.atStartOfDay(ALMATY).toInstant();
        Duration delay = retryDelay(e);
        assertTrue(
                Math.abs(delay.minus(Duration.between(clock.instant(), midnight))
                                .toSeconds())
                        <= 5,
                "retry at the next local midnight: " + delay);
        validCallSucceeds();

        clock.advance(Duration.between(clock.instant(), midnight).plusSeconds(1));
        quota.call(valid(QUOTA_PROBE));
    }

    private static Duration retryDelay(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertNotNull(status);
        for (Any detail : status.getDetailsList()) {
            if (detail.is(RetryInfo.class)) {
                try {
                    com.google.protobuf.Duration d =
                            detail.unpack(RetryInfo.class).getRetryDelay();
                    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        throw new AssertionError("no RetryInfo in " + status.getDetailsList());
    }
}
