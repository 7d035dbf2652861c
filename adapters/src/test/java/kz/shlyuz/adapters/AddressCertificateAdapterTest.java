package kz.shlyuz.adapters;

import static kz.shlyuz.adapters.TestCalls.assertRefused;
import static kz.shlyuz.adapters.TestCalls.body;
import static kz.shlyuz.adapters.TestCalls.content;
import static kz.shlyuz.adapters.TestCalls.request;
import static kz.shlyuz.adapters.TestCalls.stub;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc.AgencyAdapterBlockingStub;
import kz.shlyuz.proto.v1.AgencyDescription;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.DescribeRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;
import kz.shlyuz.proto.v1.SubjectCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ЖТ МДБ over real mutual TLS: the address certificate, its signatures, and the adapter's refusals. */
class AddressCertificateAdapterTest {
    private static final String SERVICE = "ADDRESS_CERTIFICATE";

    @RegisterExtension
    static final GrpcCleanup cleanup = new GrpcCleanup();

    static DevPki pki;
    static AdapterServer gbdFl;
    static AgencyAdapterBlockingStub gateway;
    static ManagedChannel gatewayChannel;

    @BeforeAll
    static void startGbdFl() throws Exception {
        pki = TestPki.shared();
        gbdFl = cleanup.register(AdapterServer.start(AdapterConfig.defaults("gbd-fl", pki, 0)));
        gatewayChannel = cleanup.register(TestCalls.channel(pki, "gateway", gbdFl));
        gateway = stub(gatewayChannel);
    }

    @Test
    void answersTheRegisteredAddressOfTheCleanCitizen() {
        AgencyRequest request = addressOf(Persona.CLEAN.iin().value());

        SignedResponse response = gateway.handle(request);

        ResponseContent content = content(response);
        assertEquals(request.getRequestId(), content.getCorrelationId());
        assertEquals(SERVICE, content.getServiceId());
        assertEquals("gbd-fl", content.getAgency());
        assertTrue(content.getMessageId().matches("[0-9a-f-]{36}"), content.getMessageId());
        AddressCertificate certificate = body(response, AddressCertificate.class);
        assertEquals(Persona.CLEAN.iin().value(), certificate.getSubjectId());
        assertEquals("ЖАНИБЕКОВ", certificate.getName().getSurname());
        assertEquals("АЙДАР", certificate.getName().getGivenName());
        assertEquals("СЕРИКҰЛЫ", certificate.getName().getPatronymic());
        assertEquals("Алматы", certificate.getAddress().getLocality());
        assertEquals("Розыбакиев көшесі", certificate.getAddress().getStreet());
        assertEquals("KZ", certificate.getAddress().getCountry());
        assertTrue(certificate.getAddress().getKatoCode().matches("\\d{9}"));
        assertEquals(2016, certificate.getRegisteredSince().getYear());
        assertEquals("Қарағанды", certificate.getHistory(0).getAddress().getLocality());
        assertEquals("gbd-fl", certificate.getRegister());
        assertTrue(certificate.getCertificateNumber().matches("AC-[0-9A-F]{12}"), certificate.getCertificateNumber());
        assertEquals(content.getRespondedAt(), certificate.getIssuedAt());
    }

    @Test
    void signsTheCertificateWithMvdAndMinistryOfJustice() throws Exception {
        SignedResponse response = gateway.handle(addressOf(Persona.CLEAN.iin().value()));

        List<X509Certificate> signers = DetachedSignatures.verify(
                response.getContent().toByteArray(), response.getSignature().toByteArray());

        // SignerInfos are a DER SET OF: their order on the wire is the encoding's, not the signing order.
        assertEquals(2, signers.size());
        assertEquals(
                Set.of(Organisation.INTERNAL_AFFAIRS.title(), Organisation.JUSTICE.title()),
                signers.stream()
                        .map(AddressCertificateAdapterTest::organisation)
                        .collect(Collectors.toSet()));
        assertEquals(
                Set.of(pki.certificate(pki.identity("agency-mvd")), pki.certificate(pki.identity("agency-moj"))),
                Set.copyOf(signers));
    }

    @Test
    void everyPersonaHasAnAddress() {
        for (Persona persona : Persona.values()) {
            AddressCertificate certificate =
                    body(gateway.handle(addressOf(persona.iin().value())), AddressCertificate.class);
            assertEquals(persona.surname(), certificate.getName().getSurname(), persona.key());
            assertFalse(certificate.getAddress().getStreet().isBlank(), persona.key());
        }
    }

    @Test
    void refusesAnIinTheRegisterDoesNotHold() {
        String unknown = TestCalls.unknownIin();

        var refused =
                assertRefused(Status.Code.NOT_FOUND, "SUBJECT_NOT_FOUND", () -> gateway.handle(addressOf(unknown)));

        assertTrue(refused.kk().contains("ЖТ МДБ"), refused.kk());
        assertTrue(refused.ru().contains("ГБД ФЛ"), refused.ru());
        assertFalse(refused.ru().contains(unknown), "refusals never quote the IIN");
    }

    @Test
    void refusesAnIinWithAWrongCheckDigit() {
        String broken = TestCalls.withWrongCheckDigit(Persona.CLEAN.iin().value());

        assertRefused(Status.Code.INVALID_ARGUMENT, "IIN_INVALID", () -> gateway.handle(addressOf(broken)));
        assertRefused(Status.Code.INVALID_ARGUMENT, "IIN_INVALID", () -> gateway.handle(addressOf("")));
    }

    @Test
    void repeatsTheByteIdenticalAnswerForARepeatedRequestId() {
        AgencyRequest request = addressOf(Persona.CLEAN.iin().value());

        SignedResponse first = gateway.handle(request);
        // A gateway retry: same id and body, a later send time.
        SignedResponse again = gateway.handle(request.toBuilder()
                .setSentAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                .build());

        assertArrayEquals(first.toByteArray(), again.toByteArray());
    }

    @Test
    void refusesARequestIdReusedForAnotherBody() {
        AgencyRequest request = addressOf(Persona.CLEAN.iin().value());
        gateway.handle(request);

        assertRefused(
                Status.Code.FAILED_PRECONDITION,
                "REQUEST_ID_REUSED",
                () -> gateway.handle(request.toBuilder()
                        .setBody(Any.pack(AddressLookup.newBuilder()
                                .setIin(Persona.TAX_DEBTOR.iin().value())
                                .build()))
                        .build()));
    }

    @Test
    void derivesTheCertificateNumberFromTheRequestId() {
        AgencyRequest one = addressOf(Persona.CLEAN.iin().value());
        AgencyRequest other = addressOf(Persona.CLEAN.iin().value());

        String first = body(gateway.handle(one), AddressCertificate.class).getCertificateNumber();
        String second = body(gateway.handle(other), AddressCertificate.class).getCertificateNumber();

        assertNotEquals(first, second);
    }

    @Test
    void refusesAnOperationItDoesNotServe() {
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "OPERATION_UNKNOWN",
                () -> gateway.handle(request(
                        SERVICE,
                        "TAX_DEBT_CHECK",
                        SubjectCheck.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build())));
    }

    @Test
    void refusesABodyOfAnotherType() {
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "BODY_INVALID",
                () -> gateway.handle(request(
                        SERVICE,
                        "ADDRESS_LOOKUP",
                        SubjectCheck.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build())));
    }

    @Test
    void refusesABodyThatCannotBeParsed() {
        AgencyRequest garbled = addressOf(Persona.CLEAN.iin().value()).toBuilder()
                .setBody(Any.newBuilder()
                        .setTypeUrl("type.googleapis.com/shlyuz.v1.AddressLookup")
                        .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, 0x01})))
                .build();

        assertRefused(Status.Code.INVALID_ARGUMENT, "BODY_INVALID", () -> gateway.handle(garbled));
    }

    @Test
    void refusesAMissingRequestId() {
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "REQUEST_ID_INVALID",
                () -> gateway.handle(addressOf(Persona.CLEAN.iin().value()).toBuilder()
                        .clearRequestId()
                        .build()));
    }

    @Test
    void refusesThePortalCallingDirectly() {
        ManagedChannel portal = cleanup.register(TestCalls.channel(pki, "egov-portal", gbdFl));

        var refused = assertRefused(
                Status.Code.PERMISSION_DENIED,
                "CALLER_NOT_ALLOWED",
                () -> stub(portal).handle(addressOf(Persona.CLEAN.iin().value())));

        assertEquals("egov-portal", refused.info().getMetadataOrThrow("caller"));
    }

    @Test
    void reportsServingToHealthChecks() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(gatewayChannel);

        assertEquals(
                ServingStatus.SERVING,
                health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
        assertEquals(
                ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder()
                                .setService("shlyuz.v1.AgencyAdapter")
                                .build())
                        .getStatus());
    }

    @Test
    void describesItselfWithTitlesAndOperations() {
        AgencyDescription description = gateway.describe(DescribeRequest.getDefaultInstance());

        assertEquals("gbd-fl", description.getAgency());
        assertEquals(Agencies.titleKk("gbd-fl"), description.getTitleKk());
        assertEquals(Agencies.titleRu("gbd-fl"), description.getTitleRu());
        assertEquals(List.of("ADDRESS_LOOKUP", "DWELLING_OWNER_CHECK"), description.getOperationsList());
    }

    @Test
    void defaultsListenOnLoopbackAndAllowOnlyTheGateway() {
        AdapterConfig defaults = AdapterConfig.defaults("gbd-fl", pki, Agencies.defaultPort("gbd-fl"));

        assertEquals("127.0.0.1", defaults.bind().getHostString());
        assertEquals(9101, defaults.bind().getPort());
        assertEquals(Set.of("gateway"), defaults.allowedCallers());
        assertEquals(java.time.Duration.ofSeconds(5), defaults.shutdownGrace());
    }

    private static AgencyRequest addressOf(String iin) {
        return request(
                SERVICE,
                "ADDRESS_LOOKUP",
                AddressLookup.newBuilder().setIin(iin).build());
    }

    private static String organisation(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("O"))
                            .map(Rdn::getValue)
                            .map(Object::toString)
                            .findFirst()
                            .orElseThrow();
        } catch (javax.naming.InvalidNameException e) {
            throw new AssertionError(e);
        }
    }
}
