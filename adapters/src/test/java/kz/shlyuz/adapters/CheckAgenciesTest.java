package kz.shlyuz.adapters;

import static kz.shlyuz.adapters.TestCalls.assertRefused;
import static kz.shlyuz.adapters.TestCalls.body;
import static kz.shlyuz.adapters.TestCalls.request;
import static kz.shlyuz.adapters.TestCalls.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc.AgencyAdapterBlockingStub;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.SignedResponse;
import kz.shlyuz.proto.v1.SubjectCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check agencies (ҚСжАЕК, ҰҚК, САОД, СД, ҚБ, migration) over real mutual TLS. */
class CheckAgenciesTest {
    private static final String SERVICE = "EXIT_PERMANENT_RESIDENCE";

    @RegisterExtension
    static final GrpcCleanup cleanup = new GrpcCleanup();

    static DevPki pki;
    static final Map<String, AgencyAdapterBlockingStub> gatewayTo = new HashMap<>();
    static final Map<String, AdapterServer> servers = new HashMap<>();

    @BeforeAll
    static void startCheckAgencies() throws Exception {
        pki = TestPki.shared();
        for (String agency : List.of("kpsisu", "knb", "saod", "tax", "migration", "military")) {
            AdapterServer server = cleanup.register(AdapterServer.start(AdapterConfig.defaults(agency, pki, 0)));
            servers.put(agency, server);
            gatewayTo.put(agency, stub(cleanup.register(TestCalls.channel(pki, "gateway", server))));
        }
    }

    /** Each agency, its check, the persona it holds a ground for, and the ground's code. */
    static Stream<Arguments> personasWithGrounds() {
        return Stream.of(
                Arguments.of("kpsisu", "CRIMINAL_RECORD_CHECK", Persona.CONVICTED, "CONVICTED"),
                Arguments.of("kpsisu", "WANTED_CHECK", Persona.WANTED, "WANTED"),
                Arguments.of("knb", "STATE_SECRETS_CHECK", Persona.STATE_SECRETS, "STATE_SECRETS"),
                Arguments.of("saod", "COURT_OBLIGATIONS_CHECK", Persona.COURT_DEBTOR, "COURT_DEBTOR"),
                Arguments.of("tax", "TAX_DEBT_CHECK", Persona.TAX_DEBTOR, "TAX_DEBT"),
                Arguments.of("migration", "EXIT_RESTRICTION_CHECK", Persona.WANTED, "EXIT_RESTRICTED"));
    }

    static Stream<Arguments> checks() {
        return Stream.concat(
                personasWithGrounds()
                        .map(a -> Arguments.of(a.get()[0], a.get()[1]))
                        .distinct(),
                Stream.of(Arguments.of("military", "MILITARY_REGISTRATION_CHECK")));
    }

    @ParameterizedTest(name = "{0} {1} finds {3} for {2}")
    @MethodSource("personasWithGrounds")
    void findsTheGroundOnRecordForItsPersona(String agency, String operation, Persona persona, String groundCode) {
        CheckResult result = check(agency, operation, persona.iin().value());

        assertTrue(result.getGroundsFound());
        assertEquals(groundCode, result.getGroundCode());
        assertEquals(persona.iin().value(), result.getIin());
        assertFalse(result.getGroundKk().isBlank());
        assertFalse(result.getGroundRu().isBlank());
        assertFalse(result.getRecordRef().isBlank());
        assertTrue(result.hasCheckedAt());
    }

    @ParameterizedTest(name = "{0} {1} is clean for the clean citizen")
    @MethodSource("checks")
    void findsNoGroundsForTheCleanCitizen(String agency, String operation) {
        CheckResult result = check(agency, operation, Persona.CLEAN.iin().value());

        assertEquals(
                CheckResult.newBuilder()
                        .setIin(Persona.CLEAN.iin().value())
                        .setCheckedAt(result.getCheckedAt())
                        .build(),
                result,
                "grounds_found false, every ground field empty");
    }

    @ParameterizedTest(name = "{0} {1} answers a clean record for an IIN it does not hold")
    @MethodSource("checks")
    void answersACleanRecordForAnIinItDoesNotHold(String agency, String operation) {
        CheckResult result = check(agency, operation, TestCalls.unknownIin());

        assertFalse(result.getGroundsFound());
        assertEquals("", result.getGroundCode());
    }

    @ParameterizedTest(name = "{0} {1} refuses a wrong check digit")
    @MethodSource("checks")
    void refusesAnIinWithAWrongCheckDigit(String agency, String operation) {
        String broken = TestCalls.withWrongCheckDigit(Persona.CLEAN.iin().value());

        assertRefused(Status.Code.INVALID_ARGUMENT, "IIN_INVALID", () -> check(agency, operation, broken));
    }

    @Test
    void findsNoMilitaryGroundForAReservist() {
        // Being in the reserve means deregistering at ҚБ after the decision, not a refusal.
        assertFalse(check(
                        "military",
                        "MILITARY_REGISTRATION_CHECK",
                        Persona.EMPLOYER.iin().value())
                .getGroundsFound());
    }

    @Test
    void onlyTheGroundsOfItsOwnCheckCount() {
        // ҚСжАЕК holds the wanted persona under WANTED_CHECK, not under CRIMINAL_RECORD_CHECK.
        assertFalse(
                check("kpsisu", "CRIMINAL_RECORD_CHECK", Persona.WANTED.iin().value())
                        .getGroundsFound());
        assertFalse(
                check("kpsisu", "WANTED_CHECK", Persona.CONVICTED.iin().value()).getGroundsFound());
    }

    @ParameterizedTest(name = "{0} signs with agency-{0}")
    @MethodSource("personasWithGrounds")
    void signsWithTheAgencysOwnKey(String agency, String operation, Persona persona, String groundCode)
            throws Exception {
        SignedResponse response = gatewayTo
                .get(agency)
                .handle(request(
                        SERVICE,
                        operation,
                        SubjectCheck.newBuilder()
                                .setIin(persona.iin().value())
                                .setPurpose(SERVICE)
                                .build()));

        List<X509Certificate> signers = DetachedSignatures.verify(
                response.getContent().toByteArray(), response.getSignature().toByteArray());

        assertEquals(List.of(pki.certificate(pki.identity("agency-" + agency))), signers);
    }

    private static CheckResult check(String agency, String operation, String iin) {
        return body(
                gatewayTo
                        .get(agency)
                        .handle(request(
                                SERVICE,
                                operation,
                                SubjectCheck.newBuilder()
                                        .setIin(iin)
                                        .setPurpose(SERVICE)
                                        .build())),
                CheckResult.class);
    }

    // Effect operations (issue 3): applied once per request id, recorded so it can be proven.

    private static kz.shlyuz.proto.v1.EffectOrder order(String caseId, String iin) {
        return kz.shlyuz.proto.v1.EffectOrder.newBuilder()
                .setCaseId(caseId)
                .setIin(iin)
                .setMonths(6)
                .build();
    }

    @Test
    void aPermitIsIssuedOncePerRequestIdAndTheRepeatGetsTheSameReceipt() {
        var request = request(
                "LABOUR_MIGRANT_PERMIT",
                "LABOUR_PERMIT_ISSUE",
                order("C-effect-1", Persona.CLEAN.iin().value()));
        SignedResponse first = gatewayTo.get("migration").handle(request);
        SignedResponse again = gatewayTo.get("migration").handle(request);
        assertEquals(first, again, "the same request gets the same signed answer");
        var receipt = body(first, kz.shlyuz.proto.v1.EffectReceipt.class);
        assertTrue(receipt.getReference().startsWith("WP-"), receipt.getReference());
        assertTrue(receipt.getTextRu().contains(receipt.getReference()));
        var effects = servers.get("migration").effects().stream()
                .filter(e -> e.caseId().equals("C-effect-1"))
                .toList();
        assertEquals(1, effects.size(), "applied once");
        assertEquals("LABOUR_PERMIT_ISSUE", effects.get(0).operation());
        assertEquals(request.getRequestId(), effects.get(0).requestId());
    }

    @Test
    void militaryDeregistrationRefusesAnInvalidIinAndAppliesNothing() {
        int before = servers.get("military").effects().size();
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "IIN_INVALID",
                () -> gatewayTo
                        .get("military")
                        .handle(request(
                                SERVICE,
                                "MILITARY_DEREGISTRATION",
                                order(
                                        "C-effect-2",
                                        TestCalls.withWrongCheckDigit(
                                                Persona.CLEAN.iin().value())))));
        assertEquals(before, servers.get("military").effects().size());
    }
}
