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
import java.util.Set;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc.AgencyAdapterBlockingStub;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.DocumentProductionState;
import kz.shlyuz.proto.v1.DocumentProductionStatus;
import kz.shlyuz.proto.v1.DocumentStatusLookup;
import kz.shlyuz.proto.v1.DocumentsLookup;
import kz.shlyuz.proto.v1.IdentityDocument;
import kz.shlyuz.proto.v1.IdentityDocumentStatus;
import kz.shlyuz.proto.v1.IdentityDocuments;
import kz.shlyuz.proto.v1.MilitaryRegistration;
import kz.shlyuz.proto.v1.MilitaryRegistrationLookup;
import kz.shlyuz.proto.v1.MilitaryRegistrationStatus;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lookup agencies (ЗТ МДБ, ХҚТ ТП АЖ, "АӨО" РМК, ҚБ) over real mutual TLS. */
class LookupAgenciesTest {
    @RegisterExtension
    static final GrpcCleanup cleanup = new GrpcCleanup();

    static DevPki pki;
    static final Map<String, AgencyAdapterBlockingStub> gatewayTo = new HashMap<>();

    @BeforeAll
    static void startLookupAgencies() throws Exception {
        pki = TestPki.shared();
        for (String agency : List.of("gbd-ul", "mvd-docs", "aeo", "military")) {
            AdapterServer server = cleanup.register(AdapterServer.start(AdapterConfig.defaults(agency, pki, 0)));
            gatewayTo.put(agency, stub(cleanup.register(TestCalls.channel(pki, "gateway", server))));
        }
    }

    @Test
    void gbdUlAnswersTheLegalAddressOfEveryOrganisationSignedByMvdAndMoj() throws Exception {
        for (Organisation organisation : Organisation.values()) {
            SignedResponse response = gatewayTo
                    .get("gbd-ul")
                    .handle(request(
                            "ADDRESS_CERTIFICATE",
                            "ADDRESS_LOOKUP",
                            AddressLookup.newBuilder()
                                    .setBin(organisation.bin().value())
                                    .build()));

            AddressCertificate certificate = body(response, AddressCertificate.class);
            assertEquals(organisation.bin().value(), certificate.getSubjectId());
            assertEquals(organisation.title(), certificate.getOrganisation());
            assertEquals("gbd-ul", certificate.getRegister());
            assertFalse(certificate.hasName());
            assertTrue(certificate.getAddress().getKatoCode().matches("\\d{9}"));
            List<X509Certificate> signers = DetachedSignatures.verify(
                    response.getContent().toByteArray(), response.getSignature().toByteArray());
            assertEquals(
                    Set.of(pki.certificate(pki.identity("agency-mvd")), pki.certificate(pki.identity("agency-moj"))),
                    Set.copyOf(signers));
        }
    }

    @Test
    void gbdUlRefusesABinWithAWrongCheckDigit() {
        String broken = TestCalls.withWrongCheckDigit(Organisation.JUSTICE.bin().value());

        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "BIN_INVALID",
                () -> gatewayTo
                        .get("gbd-ul")
                        .handle(request(
                                "ADDRESS_CERTIFICATE",
                                "ADDRESS_LOOKUP",
                                AddressLookup.newBuilder().setBin(broken).build())));
    }

    @Test
    void gbdUlRefusesABinItDoesNotHold() {
        // A valid check digit, but no such entity: reuse the IIN generator, BINs share the algorithm.
        String unknown = TestCalls.unknownIin();

        assertRefused(
                Status.Code.NOT_FOUND,
                "SUBJECT_NOT_FOUND",
                () -> gatewayTo
                        .get("gbd-ul")
                        .handle(request(
                                "ADDRESS_CERTIFICATE",
                                "ADDRESS_LOOKUP",
                                AddressLookup.newBuilder().setBin(unknown).build())));
    }

    @Test
    void mvdDocsListsTheDocumentsOfEveryPersonaNewestFirst() {
        for (Persona persona : Persona.values()) {
            IdentityDocuments documents = documentsOf(persona.iin().value());

            assertEquals(persona.iin().value(), documents.getIin());
            assertFalse(documents.getDocumentsList().isEmpty(), persona.key());
            List<Integer> years = documents.getDocumentsList().stream()
                    .map(d -> d.getIssuedOn().getYear())
                    .toList();
            assertEquals(years.stream().sorted((a, b) -> b - a).toList(), years, persona.key());
        }
    }

    @Test
    void mvdDocsShowsTheCleanCitizensValidIdCardAndReplacedOldOne() {
        List<IdentityDocument> documents =
                documentsOf(Persona.CLEAN.iin().value()).getDocumentsList();

        IdentityDocument idCard = documents.stream()
                .filter(d -> d.getKind() == DocumentKind.DOCUMENT_KIND_ID_CARD)
                .findFirst()
                .orElseThrow();
        assertEquals(IdentityDocumentStatus.IDENTITY_DOCUMENT_STATUS_VALID, idCard.getStatus());
        assertTrue(idCard.getNumber().matches("\\d{9}"), idCard.getNumber());
        assertEquals("ҚР ІІМ", idCard.getIssuer());
        assertTrue(documents.stream()
                .anyMatch(d -> d.getStatus() == IdentityDocumentStatus.IDENTITY_DOCUMENT_STATUS_REPLACED));
    }

    @Test
    void mvdDocsRefusesAnIinItDoesNotHold() {
        assertRefused(Status.Code.NOT_FOUND, "SUBJECT_NOT_FOUND", () -> documentsOf(TestCalls.unknownIin()));
    }

    @Test
    void mvdDocsRefusesAnIinWithAWrongCheckDigit() {
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                "IIN_INVALID",
                () -> documentsOf(
                        TestCalls.withWrongCheckDigit(Persona.CLEAN.iin().value())));
    }

    @Test
    void aeoReportsTheReplacementIdCardInProduction() {
        DocumentProductionStatus status = productionOf("049902316");

        assertEquals("049902316", status.getDocumentNumber());
        assertEquals(DocumentProductionState.DOCUMENT_PRODUCTION_STATE_PERSONALISING, status.getState());
        assertEquals(DocumentKind.DOCUMENT_KIND_ID_CARD, status.getKind());
        assertTrue(status.getUpdatedAt().getSeconds() > 0);
    }

    @Test
    void aeoReportsDeliveredForADocumentAlreadyIssued() {
        String passport = documentsOf(Persona.CLEAN.iin().value()).getDocumentsList().stream()
                .filter(d -> d.getKind() == DocumentKind.DOCUMENT_KIND_PASSPORT)
                .findFirst()
                .orElseThrow()
                .getNumber();

        assertEquals(
                DocumentProductionState.DOCUMENT_PRODUCTION_STATE_DELIVERED,
                productionOf(passport).getState());
    }

    @Test
    void aeoRefusesADocumentItDidNotProduce() {
        assertRefused(Status.Code.NOT_FOUND, "SUBJECT_NOT_FOUND", () -> productionOf("N00000001"));
    }

    @Test
    void aeoRefusesAMalformedDocumentNumber() {
        assertRefused(Status.Code.INVALID_ARGUMENT, "BODY_INVALID", () -> productionOf("12-34"));
    }

    @Test
    void militaryReportsAReservistAndAWomanWithoutRegistration() {
        MilitaryRegistration reservist = militaryOf(Persona.CLEAN.iin().value());
        assertEquals(MilitaryRegistrationStatus.MILITARY_REGISTRATION_STATUS_REGISTERED, reservist.getStatus());
        assertTrue(reservist.getOfficeKk().contains("қорғаныс істері"), reservist.getOfficeKk());
        assertTrue(reservist.hasStatusSince());

        MilitaryRegistration notRegistered = militaryOf(Persona.TAX_DEBTOR.iin().value());
        assertEquals(MilitaryRegistrationStatus.MILITARY_REGISTRATION_STATUS_NOT_REGISTERED, notRegistered.getStatus());
        assertFalse(notRegistered.hasStatusSince());
    }

    @Test
    void militaryLookupRefusesAnIinItDoesNotHold() {
        assertRefused(Status.Code.NOT_FOUND, "SUBJECT_NOT_FOUND", () -> militaryOf(TestCalls.unknownIin()));
    }

    private static IdentityDocuments documentsOf(String iin) {
        return body(
                gatewayTo
                        .get("mvd-docs")
                        .handle(request(
                                "ID_DOCUMENT",
                                "DOCUMENTS_LOOKUP",
                                DocumentsLookup.newBuilder().setIin(iin).build())),
                IdentityDocuments.class);
    }

    private static DocumentProductionStatus productionOf(String number) {
        return body(
                gatewayTo
                        .get("aeo")
                        .handle(request(
                                "ID_DOCUMENT",
                                "DOCUMENT_STATUS",
                                DocumentStatusLookup.newBuilder()
                                        .setDocumentNumber(number)
                                        .build())),
                DocumentProductionStatus.class);
    }

    private static MilitaryRegistration militaryOf(String iin) {
        return body(
                gatewayTo
                        .get("military")
                        .handle(request(
                                "EXIT_PERMANENT_RESIDENCE",
                                "MILITARY_REGISTRATION_LOOKUP",
                                MilitaryRegistrationLookup.newBuilder()
                                        .setIin(iin)
                                        .build())),
                MilitaryRegistration.class);
    }
}
