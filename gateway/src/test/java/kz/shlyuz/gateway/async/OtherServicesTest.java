package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.Place;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The consular, labour-migrant, document and registration services end to end through TLS: steps,
 * refusal grounds and the regulations' deadlines on Kazakhstan's calendar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OtherServicesTest {
    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    static Instant at(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Refusals.Refused refused(org.junit.jupiter.api.function.Executable call) {
        return Refusals.read(assertThrows(StatusRuntimeException.class, call));
    }

    // ------------------------------------------------------------------------------- consular

    static ConsularPermanentStayRequest consular(Persona p) {
        return ConsularPermanentStayRequest.newBuilder()
                .setIin(p.iin().value())
                .setConsulate("Генконсульство во Франкфурте")
                .setGoingTo(Place.newBuilder().setCountry("DE").setLocality("Frankfurt"))
                .setRestrictedDataConsent(true) // 001 annex 1: without it the service is refused
                .build();
    }

    // The consular service's own tests are in ConsularPermanentStayTest (001 §6–§16).

    // -------------------------------------------------------------------------- labour migrant

    static LabourMigrantPermitRequest permit(Persona migrant) {
        return LabourMigrantPermitRequest.newBuilder()
                .setMigrantIin(migrant.iin().value())
                .setEmployerIin(Persona.EMPLOYER.iin().value())
                .setCitizenship("UZ")
                .setPassportNumber("FA1234567")
                .setMonths(6)
                .setProtectedDataConsent(true)
                .build();
    }

    @Test
    void labourPermitThroughTheStateCorporationIsIssuedWithinTheRegulationsHours() {
        SubmitAck ack = env.submit("hkko", "LABOUR_MIGRANT_PERMIT", permit(Persona.CLEAN), "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        Map<String, CaseStep> steps = steps(done);
        // 003: checks in 1 hour.
        assertEquals(
                Duration.ofHours(1),
                Duration.between(
                        at(steps.get("WANTED_CHECK").getStartedAt()),
                        at(steps.get("WANTED_CHECK").getDueAt())));
        assertTrue(steps.get("LABOUR_PERMIT_ISSUE").getResult().startsWith("WP-"));
    }

    @Test
    void wantedMigrantIsRefusedThePermit() {
        SubmitAck ack = env.submit("hkko", "LABOUR_MIGRANT_PERMIT", permit(Persona.WANTED), "hkko-operator");
        Case refused = env.awaitState("hkko", ack.getCaseId(), "REFUSED");
        assertEquals("WANTED", steps(refused).get("WANTED_CHECK").getResult());
    }

    @Test
    void permitExtensionThroughThePortalNeedsTheMigrantsAndTheEmployersSignatures() {
        LabourMigrantPermitRequest body = permit(Persona.CLEAN).toBuilder()
                .setPermitNumber("WP-2026-000001")
                .build();
        assertEquals(
                "SIGNER_MISMATCH",
                refused(() -> env.submit("egov-portal", "LABOUR_MIGRANT_PERMIT_EXTENSION", body, Persona.CLEAN.key()))
                        .reason());
        SubmitAck ack = env.submit(
                "egov-portal", "LABOUR_MIGRANT_PERMIT_EXTENSION", body, Persona.CLEAN.key(), Persona.EMPLOYER.key());
        Case done = env.awaitState("egov-portal-as:" + Persona.CLEAN.iin().value(), ack.getCaseId(), "APPROVED");
        assertTrue(steps(done).get("LABOUR_PERMIT_EXTEND").getResult().startsWith("WPX-"));
        // The employer sees the case in their cabinet too.
        env.awaitState("egov-portal-as:" + Persona.EMPLOYER.iin().value(), ack.getCaseId(), "APPROVED");
        // A convicted migrant's extension is refused on the ҚСжАЕК record, employer's signature or not.
        LabourMigrantPermitRequest convicted = permit(Persona.CONVICTED).toBuilder()
                .setPermitNumber("WP-2026-000002")
                .build();
        SubmitAck refusedAck = env.submit(
                "egov-portal",
                "LABOUR_MIGRANT_PERMIT_EXTENSION",
                convicted,
                Persona.CONVICTED.key(),
                Persona.EMPLOYER.key());
        Case refused =
                env.awaitState("egov-portal-as:" + Persona.CONVICTED.iin().value(), refusedAck.getCaseId(), "REFUSED");
        assertEquals("CONVICTED", steps(refused).get("CRIMINAL_RECORD_CHECK").getResult());
        assertTrue(refused.getResultKk().contains("сотталған"), refused.getResultKk());
    }

    // ------------------------------------------------------------------------------ documents

    static IdDocumentRequest idCard(Persona p, Urgency urgency) {
        return IdDocumentRequest.newBuilder()
                .setIin(p.iin().value())
                .setKind(DocumentKind.DOCUMENT_KIND_ID_CARD)
                .setUrgency(urgency)
                .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                .setPhotoRef("photo-1")
                .build();
    }

    @Test
    void idDocumentTermsFollowTheUrgencyCategory() {
        SubmitAck urgent =
                env.submit("hkko", "ID_DOCUMENT", idCard(Persona.CLEAN, Urgency.URGENCY_CATEGORY_1), "hkko-operator");
        SubmitAck general =
                env.submit("hkko", "ID_DOCUMENT", idCard(Persona.CLEAN, Urgency.URGENCY_GENERAL), "hkko-operator");
        // 004 annex 1 table 1, hops 3–9: category 1, 7 working days from Friday 20 Nov → Tuesday
        // 1 Dec; general, 17 → Tuesday 15 Dec (16 Dec is Independence Day, after it).
        assertEquals(Instant.parse("2026-12-01T13:30:00Z"), at(urgent.getDueAt()));
        assertEquals(Instant.parse("2026-12-15T13:30:00Z"), at(general.getDueAt()));
        Case u = env.awaitState("hkko", urgent.getCaseId(), "APPROVED");
        Case g = env.awaitState("hkko", general.getCaseId(), "APPROVED");
        // "АӨО" РМК manufactures in 1 working day for category 1, 5 for the general order.
        assertEquals(
                Instant.parse("2026-11-23T13:30:00Z"),
                at(steps(u).get("DOCUMENT_MANUFACTURE").getDueAt()));
        assertEquals(
                Instant.parse("2026-11-27T13:30:00Z"),
                at(steps(g).get("DOCUMENT_MANUFACTURE").getDueAt()));
        assertEquals(
                1,
                env.effects("aeo").stream()
                        .filter(e -> e.caseId().equals(u.getCaseId()))
                        .count());
    }

    @Test
    void wantedPersonIsRefusedAnIdDocument() {
        SubmitAck ack =
                env.submit("hkko", "ID_DOCUMENT", idCard(Persona.WANTED, Urgency.URGENCY_CATEGORY_2), "hkko-operator");
        Case refused = env.awaitState("hkko", ack.getCaseId(), "REFUSED");
        assertEquals("WANTED", steps(refused).get("WANTED_CHECK").getResult());
        assertTrue(env.effects("aeo").stream().noneMatch(e -> e.caseId().equals(ack.getCaseId())));
    }

    @Test
    void portalAcceptsAnIdDocumentOnlyWhenTheDocumentTypeChanged() {
        Refusals.Refused r = refused(() -> env.submit(
                "egov-portal", "ID_DOCUMENT", idCard(Persona.CLEAN, Urgency.URGENCY_GENERAL), Persona.CLEAN.key()));
        assertEquals("PORTAL_REASON_NOT_ACCEPTED", r.reason());
        assertEquals("FAILED_PRECONDITION", r.code());
        assertTrue(r.russian().contains("смене типа документа"), r.russian());
        SubmitAck ack = env.submit(
                "egov-portal",
                "ID_DOCUMENT",
                idCard(Persona.CLEAN, Urgency.URGENCY_GENERAL).toBuilder()
                        .setReason(IssueReason.ISSUE_REASON_DOCUMENT_TYPE_CHANGED)
                        .build(),
                Persona.CLEAN.key());
        assertEquals("ACCEPTED", ack.getStatus());
    }

    @Test
    void temporaryIdIsIssuedWithinTwoWorkingDays() {
        SubmitAck ack = env.submit(
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder()
                        .setIin(Persona.COURT_DEBTOR.iin().value())
                        .setReason("паспорт на замене")
                        .build(),
                "hkko-operator");
        assertEquals(Instant.parse("2026-11-24T13:30:00Z"), at(ack.getDueAt()));
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        assertTrue(steps(done).get("TEMPORARY_ID_ISSUE").getResult().startsWith("TID-"));
    }

    // Registration and deregistration (004 annexes 3 and 4): ResidenceServicesTest.
}
