package kz.shlyuz.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.OwnerConsentAttestation;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import org.junit.jupiter.api.Test;

/**
 * The admission rules on their own: {@link RequestAdmission} built from the shipped defaults, the
 * service catalogue and a signature verifier over the dev PKI, on a fixed clock, given signed
 * requests directly. No TLS, no database, no adapters: each rule in milliseconds, beside the
 * end-to-end refusal tests (e2e.RefusalTest, e2e.HolderRolesTest) that show the same refusals
 * reach a caller over the wire.
 */
class AdmissionRulesTest {
    private static final String PORTAL = "egov-portal";
    private static final String HKKO = "hkko";
    private static final String BURKIT = "burkit";
    private static final String CLEAN = Persona.CLEAN.iin().value();

    private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final DevPki pki = TestPki.get();
    private final RequestBuilder requests = new RequestBuilder(new CmsSigner(clock));
    private final SignatureVerifier verifier = new SignatureVerifier(TestPki.trust(), clock, Duration.ofMinutes(5));
    private final GatewayConfig defaults = ConfigLoader.defaults();

    private RequestAdmission admission(UnaryOperator<GatewayConfig> tweak) {
        return new RequestAdmission(tweak.apply(defaults), Services.standard(), verifier, clock);
    }

    private AdmittedRequest admit(String sender, SignedRequest request, boolean synchronous) {
        return admission(c -> c).admit(sender, request, synchronous);
    }

    private Refusal refused(Reason reason, String sender, SignedRequest request, boolean synchronous) {
        return refused(reason, admission(c -> c), sender, request, synchronous);
    }

    private static Refusal refused(
            Reason reason, RequestAdmission admission, String sender, SignedRequest request, boolean synchronous) {
        Refusal refusal = assertThrows(Refusal.class, () -> admission.admit(sender, request, synchronous));
        assertEquals(reason, refusal.reason(), refusal::getMessage);
        return refusal;
    }

    private RequestContent content(String sender, Service service, Message body) {
        return RequestBuilder.content(sender, service.id(), body, now);
    }

    private SignedRequest signed(RequestContent content, String... signers) {
        return requests.sign(
                content, List.of(signers).stream().map(pki::signerKey).toList());
    }

    private SignedRequest address(String sender, String iin, String bin, String... signers) {
        return signed(
                content(
                        sender,
                        Service.ADDRESS_CERTIFICATE,
                        AddressCertificateRequest.newBuilder()
                                .setIin(iin == null ? "" : iin)
                                .setBin(bin == null ? "" : bin)
                                .build()),
                signers);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // --- What is admitted, and what the admitted request carries -------------------------------

    @Test
    void admitsTheApplicantsOwnSignatureAndCarriesWhoSignedAndTheDigestOfTheSignedBytes() throws Exception {
        SignedRequest request = address(PORTAL, CLEAN, null, Persona.CLEAN.key());
        AdmittedRequest admitted = admit(PORTAL, request, true);
        assertEquals(PORTAL, admitted.sender());
        assertEquals(Service.ADDRESS_CERTIFICATE, admitted.service().service());
        assertEquals(CLEAN, ((AddressCertificateRequest) admitted.body()).getIin());
        assertEquals(
                List.of(CLEAN),
                admitted.signers().stream().map(s -> s.holder().iin()).toList());
        assertEquals(HolderRole.INDIVIDUAL, admitted.signers().get(0).holder().role());
        assertEquals(sha256(request.getContent().toByteArray()), admitted.contentSha256());
        assertEquals(RequestContent.parseFrom(request.getContent()).getMessageId(), admitted.messageId());
    }

    // --- The sender and its services -----------------------------------------------------------

    @Test
    void refusesASystemThatIsNotAConfiguredSender() {
        Refusal refusal =
                refused(Reason.SENDER_NOT_ALLOWED, "tax", address("tax", CLEAN, null, Persona.CLEAN.key()), true);
        assertEquals("tax", refusal.detail());
    }

    @Test
    void refusesAServiceTheSenderMayNotUse() {
        Refusal refusal =
                refused(Reason.SERVICE_NOT_ALLOWED, BURKIT, address(BURKIT, CLEAN, null, Persona.CLEAN.key()), true);
        assertEquals("ADDRESS_CERTIFICATE", refusal.detail());
    }

    @Test
    void refusesAServiceTheConfigurationTakesAwayFromTheSender() {
        RequestAdmission narrowed = admission(c -> {
            SenderPolicy portal = c.sender(PORTAL).orElseThrow();
            return c.withSender(
                    PORTAL,
                    new SenderPolicy(
                            java.util.Set.of(Service.RESIDENCE_REGISTRATION.id()),
                            portal.operatorBins(),
                            portal.answerForms()));
        });
        refused(Reason.SERVICE_NOT_ALLOWED, narrowed, PORTAL, address(PORTAL, CLEAN, null, Persona.CLEAN.key()), true);
    }

    @Test
    void refusesContentThatNamesAnotherSenderThanTheTlsIdentity() {
        Refusal refusal =
                refused(Reason.SENDER_MISMATCH, PORTAL, address(HKKO, CLEAN, null, Persona.CLEAN.key()), true);
        assertTrue(refusal.detail().contains("hkko") && refusal.detail().contains(PORTAL), refusal.detail());
    }

    @Test
    void refusesAnUnknownService() {
        SignedRequest request = signed(
                RequestBuilder.content(
                        PORTAL,
                        "PASSPORT_TO_MARS",
                        AddressCertificateRequest.newBuilder().setIin(CLEAN).build(),
                        now),
                Persona.CLEAN.key());
        Refusal refusal = refused(Reason.SERVICE_UNKNOWN, PORTAL, request, true);
        assertEquals("PASSPORT_TO_MARS", refusal.detail());
    }

    @Test
    void refusesASynchronousServiceSubmittedAndAnAsynchronousOneCalled() {
        refused(Reason.SERVICE_IS_SYNCHRONOUS, PORTAL, address(PORTAL, CLEAN, null, Persona.CLEAN.key()), false);
        SignedRequest temporaryId = signed(
                content(
                        HKKO,
                        Service.TEMPORARY_ID,
                        TemporaryIdRequest.newBuilder()
                                .setIin(CLEAN)
                                .setReason("утерян")
                                .build()),
                "hkko-operator");
        refused(Reason.SERVICE_IS_ASYNCHRONOUS, HKKO, temporaryId, true);
        assertEquals(
                Service.TEMPORARY_ID, admit(HKKO, temporaryId, false).service().service());
    }

    // --- The envelope --------------------------------------------------------------------------

    @Test
    void refusesARequestWithoutSignature() {
        SignedRequest unsigned = address(PORTAL, CLEAN, null, Persona.CLEAN.key()).toBuilder()
                .clearSignature()
                .build();
        refused(Reason.SIGNATURE_MISSING, PORTAL, unsigned, true);
    }

    @Test
    void refusesARequestOverTheSizeLimitBeforeLookingAtItsSignature() {
        int limit = defaults.limits().maxRequestBytes();
        SignedRequest huge = address(PORTAL, CLEAN, null, Persona.CLEAN.key()).toBuilder()
                .setSignature(com.google.protobuf.ByteString.copyFrom(new byte[limit + 1]))
                .build();
        Refusal refusal = refused(Reason.REQUEST_TOO_LARGE, PORTAL, huge, true);
        assertTrue(refusal.detail().contains("limit " + limit), refusal.detail());
    }

    @Test
    void refusesEnvelopeFieldsThatAreMissingOrMalformedNamingTheField() {
        RequestContent good = content(
                PORTAL,
                Service.ADDRESS_CERTIFICATE,
                AddressCertificateRequest.newBuilder().setIin(CLEAN).build());
        Map<String, RequestContent> broken = Map.of(
                "message_id", good.toBuilder().setMessageId("not a message id!").build(),
                "created_at", good.toBuilder().clearCreatedAt().build(),
                "body", good.toBuilder().clearBody().build(),
                "service_id", good.toBuilder().setServiceId("").build());
        broken.forEach((field, content) -> {
            Refusal refusal = refused(Reason.MESSAGE_MALFORMED, PORTAL, signed(content, Persona.CLEAN.key()), true);
            assertTrue(refusal.detail().contains(field), field + ": " + refusal.detail());
        });
        SignedRequest notContent =
                requests.signBytes(new byte[] {(byte) 0xff, 0x01}, List.of(pki.signerKey(Persona.CLEAN.key())));
        refused(Reason.MESSAGE_MALFORMED, PORTAL, notContent, true);
    }

    @Test
    void refusesMorePropertiesThanTheBoundsAllow() {
        int max = defaults.bounds().content().maxProperties();
        RequestContent.Builder content = content(
                PORTAL,
                Service.ADDRESS_CERTIFICATE,
                AddressCertificateRequest.newBuilder().setIin(CLEAN).build())
                .toBuilder();
        for (int i = 0; i <= max; i++) {
            content.putProperties("p" + i, "v");
        }
        Refusal refusal = refused(Reason.MESSAGE_MALFORMED, PORTAL, signed(content.build(), Persona.CLEAN.key()), true);
        assertTrue(refusal.detail().contains("<= " + max), refusal.detail());
    }

    @Test
    void admitsACreationTimeWithinTheFreshnessWindowAndRefusesOneOutsideItEitherWay() {
        Duration window = defaults.limits().messageFreshness();
        AddressCertificateRequest body =
                AddressCertificateRequest.newBuilder().setIin(CLEAN).build();
        for (Instant inside : List.of(now.minus(window), now.plus(window))) {
            SignedRequest request =
                    signed(RequestBuilder.content(PORTAL, "ADDRESS_CERTIFICATE", body, inside), Persona.CLEAN.key());
            assertEquals(PORTAL, admit(PORTAL, request, true).sender(), "created at " + inside);
        }
        for (Instant outside :
                List.of(now.minus(window).minusSeconds(1), now.plus(window).plusSeconds(1))) {
            SignedRequest request =
                    signed(RequestBuilder.content(PORTAL, "ADDRESS_CERTIFICATE", body, outside), Persona.CLEAN.key());
            Refusal refusal = refused(Reason.MESSAGE_STALE, PORTAL, request, true);
            assertTrue(refusal.detail().contains(outside.toString()), refusal.detail());
        }
    }

    @Test
    void refusesABodyOfAnotherTypeThanTheServiceExpects() {
        SignedRequest request = signed(
                content(
                        PORTAL,
                        Service.ADDRESS_CERTIFICATE,
                        TemporaryIdRequest.newBuilder().setIin(CLEAN).build()),
                Persona.CLEAN.key());
        Refusal refusal = refused(Reason.BODY_INVALID, PORTAL, request, true);
        assertTrue(refusal.detail().contains("AddressCertificateRequest"), refusal.detail());
    }

    @Test
    void refusesAFollowUpWithoutTheCaseItFollows() {
        SignedRequest objection = signed(
                content(
                        BURKIT,
                        Service.CONSULAR_PERMANENT_STAY,
                        PreliminaryRefusalObjection.newBuilder()
                                .setIin(CLEAN)
                                .setReasons("документы в порядке")
                                .build()),
                Persona.CLEAN.key());
        Refusal refusal = refused(Reason.BODY_INVALID, BURKIT, objection, false);
        assertTrue(refusal.detail().contains("correlation_id"), refusal.detail());
    }

    // --- The data ------------------------------------------------------------------------------

    @Test
    void refusesAnApplicantIinWhoseCheckDigitFailsWithoutRepeatingTheIin() {
        String first11 = CLEAN.substring(0, 11);
        String wrong = first11 + (CheckDigit.compute(first11) + 1) % 10;
        Refusal refusal = refused(Reason.IIN_INVALID, PORTAL, address(PORTAL, wrong, null, Persona.CLEAN.key()), true);
        assertFalse(refusal.detail().contains(wrong), "the IIN is masked: " + refusal.detail());
    }

    // --- Who signs -----------------------------------------------------------------------------

    @Test
    void refusesASignerWhoIsNotTheApplicant() {
        Refusal refusal =
                refused(Reason.SIGNER_MISMATCH, PORTAL, address(PORTAL, CLEAN, null, Persona.TAX_DEBTOR.key()), true);
        assertFalse(refusal.detail().contains(CLEAN), "the IIN is masked: " + refusal.detail());
    }

    @Test
    void needsTheSecondSignatoryWhereTheServiceHasOne() {
        LabourMigrantPermitRequest extension = LabourMigrantPermitRequest.newBuilder()
                .setMigrantIin(CLEAN)
                .setEmployerIin(Persona.EMPLOYER.iin().value())
                .setCitizenship("TJ")
                .setMonths(3)
                .setPermitNumber("WP-1")
                .build();
        RequestContent content = content(PORTAL, Service.LABOUR_MIGRANT_PERMIT_EXTENSION, extension);
        AdmittedRequest both = admit(PORTAL, signed(content, Persona.CLEAN.key(), Persona.EMPLOYER.key()), false);
        assertEquals(
                java.util.Set.of(CLEAN, Persona.EMPLOYER.iin().value()),
                both.signers().stream().map(s -> s.holder().iin()).collect(java.util.stream.Collectors.toSet()));
        refused(Reason.SIGNER_MISMATCH, PORTAL, signed(content, Persona.CLEAN.key()), false);
        refused(Reason.SIGNER_MISMATCH, PORTAL, signed(content, Persona.EMPLOYER.key()), false);
    }

    @Test
    void needsTheDwellingOwnersSignatureUnlessThePortalAttestsTheirConsent() {
        String owner = Persona.DWELLING_OWNER.iin().value();
        ResidenceRegistrationRequest registration = ResidenceRegistrationRequest.newBuilder()
                .setIin(CLEAN)
                .setOwnerIin(owner)
                .build();
        RequestContent content = content(PORTAL, Service.RESIDENCE_REGISTRATION, registration);
        admit(PORTAL, signed(content, Persona.CLEAN.key(), Persona.DWELLING_OWNER.key()), false);
        refused(Reason.SIGNER_MISMATCH, PORTAL, signed(content, Persona.CLEAN.key()), false);

        RequestContent attested = content(
                PORTAL,
                Service.RESIDENCE_REGISTRATION,
                registration.toBuilder()
                        .setSmsConsent(OwnerConsentAttestation.newBuilder()
                                .setOwnerIin(owner)
                                .setOtpTransactionId("otp-1"))
                        .build());
        AdmittedRequest alone = admit(PORTAL, signed(attested, Persona.CLEAN.key()), false);
        assertEquals(
                List.of(CLEAN),
                alone.signers().stream().map(s -> s.holder().iin()).toList());
    }

    @Test
    void refusesALegalEntityCertificateForAnIndividualsOwnRequest() {
        String operatorIin = Employee.HKKO_OPERATOR.iin().value();
        Refusal refusal = refused(
                Reason.SIGNER_ROLE_NOT_ALLOWED, PORTAL, address(PORTAL, operatorIin, null, "hkko-operator"), true);
        assertTrue(refusal.detail().contains("LEGAL_EMPLOYEE"), refusal.detail());
    }

    @Test
    void refusesAnEmployeeForTheirEntityUnlessTheServiceConfigurationAllowsEmployees() {
        String stateCorporation = Organisation.STATE_CORPORATION.bin().value();
        SignedRequest request = address(PORTAL, null, stateCorporation, "hkko-operator");
        Refusal refusal = refused(Reason.SIGNER_ROLE_NOT_ALLOWED, PORTAL, request, true);
        assertTrue(refusal.detail().contains("LEGAL_EMPLOYEE"), refusal.detail());

        RequestAdmission employeesMay = admission(c -> c.withSignerRules(c.signerRules()
                .withServiceRoles(Map.of(
                        "ADDRESS_CERTIFICATE",
                        new SignerRules.Roles(
                                EnumSet.of(HolderRole.INDIVIDUAL),
                                EnumSet.of(HolderRole.LEGAL_EMPLOYEE),
                                EnumSet.of(HolderRole.LEGAL_FIRST_HEAD))))));
        List<VerifiedSigner> signers = employeesMay.admit(PORTAL, request, true).signers();
        assertEquals(stateCorporation, signers.get(0).holder().bin());
    }

    @Test
    void refusesBinWhoseCheckDigitFails() {
        String bin = Organisation.STATE_CORPORATION.bin().value();
        String wrong = bin.substring(0, 11) + (CheckDigit.compute(bin.substring(0, 11)) + 1) % 10;
        refused(Reason.BIN_INVALID, PORTAL, address(PORTAL, null, wrong, "hkko-operator"), true);
    }

    // --- Operators signing for applicants ------------------------------------------------------

    @Test
    void letsAnEntitledOperatorSignForTheApplicantThroughItsSystemOnly() {
        AdmittedRequest admitted = admit(HKKO, address(HKKO, CLEAN, null, "hkko-operator"), true);
        assertEquals(
                Organisation.STATE_CORPORATION.bin().value(),
                admitted.signers().get(0).holder().bin());
        // The same operator through the portal is no one's applicant: not signed.
        refused(Reason.SIGNER_MISMATCH, PORTAL, address(PORTAL, CLEAN, null, "hkko-operator"), true);
    }

    @Test
    void refusesAnOperatorOfAnOrganisationTheSystemIsNotEntitledFor() {
        Refusal refusal = refused(Reason.OPERATOR_NOT_ENTITLED, HKKO, address(HKKO, CLEAN, null, "agency-mvd"), true);
        assertTrue(refusal.detail().contains(Organisation.INTERNAL_AFFAIRS.bin().value()), refusal.detail());
        assertTrue(
                refusal.detail().contains(Organisation.STATE_CORPORATION.bin().value()), refusal.detail());
    }

    @Test
    void refusesAnEntitledOperatorInARoleTheServiceDoesNotAllowOperators() {
        RequestAdmission headsOnly = admission(c -> c.withSignerRules(c.signerRules()
                .withServiceRoles(Map.of(
                        "ADDRESS_CERTIFICATE",
                        new SignerRules.Roles(
                                EnumSet.of(HolderRole.INDIVIDUAL),
                                EnumSet.of(HolderRole.LEGAL_FIRST_HEAD),
                                EnumSet.of(HolderRole.LEGAL_FIRST_HEAD))))));
        Refusal refusal = refused(
                Reason.SIGNER_ROLE_NOT_ALLOWED, headsOnly, HKKO, address(HKKO, CLEAN, null, "hkko-operator"), true);
        assertTrue(refusal.detail().contains("operator role LEGAL_EMPLOYEE"), refusal.detail());
    }
}
