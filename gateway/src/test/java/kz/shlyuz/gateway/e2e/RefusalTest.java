package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every refusal of the synchronous path, each through a real TLS socket with its own reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTest {
    private static final String PORTAL = "egov-portal";
    private final String cleanIin = Persona.CLEAN.iin().value();
    private GatewayEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new GatewayEnvironment();
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private RequestContent content(String sender, String service, String iin) {
        return RequestBuilder.content(
                sender,
                service,
                AddressCertificateRequest.newBuilder().setIin(iin).build(),
                env.clock.instant());
    }

    private SignedRequest signed(RequestContent content, String signer) {
        return env.requests.sign(content, List.of(env.pki.signerKey(signer)));
    }

    private SignedRequest cleanRequestSignedBy(String signer) {
        return signed(content(PORTAL, "ADDRESS_CERTIFICATE", cleanIin), signer);
    }

    @Test
    void refusesTamperedContent() {
        SignedRequest original = cleanRequestSignedBy(Persona.CLEAN.key());
        RequestContent tampered =
                content(PORTAL, "ADDRESS_CERTIFICATE", Persona.WANTED.iin().value());
        SignedRequest forged =
                original.toBuilder().setContent(tampered.toByteString()).build();
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "SIGNATURE_INVALID",
                () -> env.client(PORTAL).call(forged));
    }

    @Test
    void refusesSignerWhoIsNotTheApplicant() {
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SIGNER_MISMATCH",
                () -> env.client(PORTAL).call(cleanRequestSignedBy(Persona.TAX_DEBTOR.key())));
    }

    @Test
    void refusesOperatorThroughTheWrongSystem() {
        // The State Corporation's operator is entitled for hkko only, not for the portal.
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SIGNER_MISMATCH",
                () -> env.client(PORTAL).call(cleanRequestSignedBy("hkko-operator")));
    }

    @Test
    void refusesRevokedSignerCertificate() {
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_REVOKED",
                () -> env.client(PORTAL).call(cleanRequestSignedBy("test-revoked")));
    }

    @Test
    void refusesExpiredSignerCertificate() {
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_EXPIRED",
                () -> env.client(PORTAL).call(cleanRequestSignedBy("test-expired")));
    }

    @Test
    void refusesCertificateFromUnknownCa() {
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_UNTRUSTED",
                () -> env.client(PORTAL).call(cleanRequestSignedBy("test-unknown-ca")));
    }

    @Test
    void refusesAuthenticationKeyAsSignature() {
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_NOT_FOR_SIGNING",
                () -> env.client(PORTAL).call(cleanRequestSignedBy(Persona.CLEAN.key() + "-auth")));
    }

    @Test
    void refusesUnsupportedAlgorithm() throws Exception {
        byte[] bytes = content(PORTAL, "ADDRESS_CERTIFICATE", cleanIin).toByteArray();
        X509Certificate certificate = env.pki.certificate(env.pki.identity(Persona.CLEAN.key()));
        PrivateKey key = env.pki.privateKey(env.pki.identity(Persona.CLEAN.key()));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA1withRSA").build(key), certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        byte[] sha1Signature =
                generator.generate(new CMSProcessableByteArray(bytes), false).getEncoded();
        SignedRequest request = SignedRequest.newBuilder()
                .setContent(ByteString.copyFrom(bytes))
                .setSignature(ByteString.copyFrom(sha1Signature))
                .build();

        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "ALGORITHM_UNSUPPORTED",
                () -> env.client(PORTAL).call(request));
    }

    @Test
    void refusesMissingSignature() {
        SignedRequest unsigned = cleanRequestSignedBy(Persona.CLEAN.key()).toBuilder()
                .clearSignature()
                .build();
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "SIGNATURE_MISSING",
                () -> env.client(PORTAL).call(unsigned));
    }

    @Test
    void refusesIinWithWrongCheckDigit() {
        String first11 = cleanIin.substring(0, 11);
        int wrong = (CheckDigit.compute(first11) + 1) % 10;
        SignedRequest request = signed(content(PORTAL, "ADDRESS_CERTIFICATE", first11 + wrong), Persona.CLEAN.key());
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "IIN_INVALID",
                () -> env.client(PORTAL).call(request));
    }

    @Test
    void refusesStaleCreationTime() {
        RequestContent stale = RequestBuilder.content(
                PORTAL,
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder().setIin(cleanIin).build(),
                env.clock.instant().minus(Duration.ofHours(1)));
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "MESSAGE_STALE",
                () -> env.client(PORTAL).call(signed(stale, Persona.CLEAN.key())));
    }

    @Test
    void refusesReusedMessageIdWithDifferentContent() {
        RequestContent first = content(PORTAL, "ADDRESS_CERTIFICATE", cleanIin);
        env.client(PORTAL).call(signed(first, Persona.CLEAN.key()));
        RequestContent other =
                first.toBuilder().putProperties("channel", "mobile").build();

        assertRefused(
                Status.Code.ALREADY_EXISTS,
                "REPLAY_MISMATCH",
                () -> env.client(PORTAL).call(signed(other, Persona.CLEAN.key())));
        List<JournalEntry> entries = env.gateway.journal().entries(PORTAL, first.getMessageId());
        assertEquals("REPLAY_MISMATCH", entries.get(entries.size() - 1).reason());
    }

    @Test
    void refusesServiceTheSenderIsNotAllowed() {
        SignedRequest request = signed(content("burkit", "ADDRESS_CERTIFICATE", cleanIin), Persona.CLEAN.key());
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SERVICE_NOT_ALLOWED",
                () -> env.client("burkit").call(request));
    }

    @Test
    void refusesSystemThatIsNotASender() {
        // An adapter's TLS certificate chains to the same TLS CA but is not a configured sender.
        SignedRequest request = signed(content("tax", "ADDRESS_CERTIFICATE", cleanIin), Persona.CLEAN.key());
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SENDER_NOT_ALLOWED",
                () -> env.client("tax").call(request));
    }

    @Test
    void refusesSenderIdThatIsNotTheTlsIdentity() {
        SignedRequest request = signed(content("hkko", "ADDRESS_CERTIFICATE", cleanIin), Persona.CLEAN.key());
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "SENDER_MISMATCH",
                () -> env.client(PORTAL).call(request));
    }

    @Test
    void refusesUnknownService() {
        SignedRequest request = signed(content(PORTAL, "PASSPORT_TO_MARS", cleanIin), Persona.CLEAN.key());
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "SERVICE_UNKNOWN",
                () -> env.client(PORTAL).call(request));
    }

    @Test
    void refusesAsynchronousServiceOnCall() {
        RequestContent content = RequestBuilder.content(
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder().setIin(cleanIin).build(),
                env.clock.instant());
        assertRefused(
                Status.Code.FAILED_PRECONDITION,
                "SERVICE_IS_ASYNCHRONOUS",
                () -> env.client("hkko").call(signed(content, Persona.CLEAN.key())));
    }

    @Test
    void refusesBodyOfTheWrongType() {
        RequestContent content = RequestBuilder.content(
                PORTAL,
                "ADDRESS_CERTIFICATE",
                TemporaryIdRequest.newBuilder().setIin(cleanIin).build(),
                env.clock.instant());
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "BODY_INVALID",
                () -> env.client(PORTAL).call(signed(content, Persona.CLEAN.key())));
    }

    @Test
    void refusesOversizedRequest() {
        RequestContent huge = content(PORTAL, "ADDRESS_CERTIFICATE", cleanIin).toBuilder()
                .putProperties("padding", "x".repeat(env.config.limits().maxRequestBytes() + 1))
                .build();
        assertRefused(
                Status.Code.RESOURCE_EXHAUSTED,
                "REQUEST_TOO_LARGE",
                () -> env.client(PORTAL).call(signed(huge, Persona.CLEAN.key())));
    }

    @Test
    void refusalIsJournaledWithItsReason() {
        SignedRequest request = cleanRequestSignedBy("test-revoked");
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_REVOKED",
                () -> env.client(PORTAL).call(request));
        List<JournalEntry> entries = env.gateway.journal().entries(PORTAL, SynchronousCallTest.messageId(request));
        assertEquals(1, entries.size());
        assertEquals(JournalEntry.Outcome.REFUSED, entries.get(0).outcome());
        assertEquals("CERT_REVOKED", entries.get(0).reason());
        assertEquals("UNAUTHENTICATED", entries.get(0).grpcCode());
    }
}
