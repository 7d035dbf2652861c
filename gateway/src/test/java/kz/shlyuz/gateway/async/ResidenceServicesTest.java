package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Timestamps;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.adapters.residence.ResidenceBook;
import kz.shlyuz.adapters.residence.ResidenceChangeOperation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.DeregistrationGround;
import kz.shlyuz.proto.v1.OwnerConsentAttestation;
import kz.shlyuz.proto.v1.RegistrationKind;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.ResidentStatus;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Registration and deregistration at the place of residence (004 annexes 3 and 4) end to end
 * through TLS: the owner's consent as the dwelling register knows the owner, the change of
 * address as one act, the court decision, the channels and the minute terms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidenceServicesTest {
    /** A resident foreigner with no signing persona: the State Corporation's operator signs. */
    static final String FOREIGNER_IIN = "710822300136";

    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    static Address address(String kato, String district, String street, String building, String apartment) {
        return Address.newBuilder()
                .setKatoCode(kato)
                .setRegion("Алматы қаласы")
                .setDistrict(district)
                .setLocality("Алматы")
                .setStreet(street)
                .setBuilding(building)
                .setApartment(apartment)
                .setCountry("KZ")
                .build();
    }

    /** Owned by Persona.DWELLING_OWNER (gbd-fl.json dwellings). */
    static final Address ABAI_10_5 = address("751110000", "Алмалы ауданы", "Абай даңғылы", "10", "5");
    /** Owned by Persona.DWELLING_OWNER and a co-owner; COURT_DEBTOR is registered there. */
    static final Address TOLE_BI_101_9 = address("751110000", "Алмалы ауданы", "Төле би көшесі", "101", "9");
    /** Owned by Persona.EMPLOYER. */
    static final Address SATPAEV_30_12 = address("751410000", "Бостандық ауданы", "Сәтпаев көшесі", "30", "12");

    static ResidenceRegistrationRequest registration(Persona who, Address at, Persona owner) {
        return ResidenceRegistrationRequest.newBuilder()
                .setIin(who.iin().value())
                .setAddress(at)
                .setOwnerIin(owner.iin().value())
                .build();
    }

    static OwnerConsentAttestation sms(Persona owner, Address at, String otp, Instant confirmed) {
        return OwnerConsentAttestation.newBuilder()
                .setOwnerIin(owner.iin().value())
                .setPhone("+77011234567")
                .setApplicantPhone("+77027654321")
                .setAddress(at)
                .setOtpTransactionId(otp)
                .setConfirmedAt(Timestamps.fromMillis(confirmed.toEpochMilli()))
                .build();
    }

    static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    static Instant at(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** The refusal as the caller sees it: code, reason, ШЭП code and both messages as written. */
    static void assertRefused(Reason reason, String detail, Executable call) {
        Refusals.Refused refused = Refusals.read(assertThrows(StatusRuntimeException.class, call));
        assertEquals(reason.name(), refused.reason(), refused::description);
        assertEquals(reason.code().name(), refused.code());
        assertEquals(reason.shepCode(), refused.shepCode());
        assertEquals(reason.kazakh(detail), refused.kazakh());
        assertEquals(reason.russian(detail), refused.russian());
    }

    ResidenceBook book() {
        return env.test
                .adapters
                .server("mvd-docs")
                .operation(ResidenceChangeOperation.class)
                .orElseThrow()
                .book();
    }

    List<String> effectsOf(String caseId) {
        return env.effects("mvd-docs").stream()
                .filter(e -> e.caseId().equals(caseId))
                .map(e -> e.operation())
                .toList();
    }

    static String cabinet(Persona p) {
        return "egov-portal-as:" + p.iin().value();
    }

    // ------------------------------------------------------------------- 004 annex 3: consent

    @Test
    @DisplayName("004 annex 3 §4, §5, table 1: with the owner's signature the person is registered at the new"
            + " address and leaves the old one in one act, within 10 + 20 minutes")
    void registersWithTheOwnersSignatureAndLeavesTheOldAddressInOneAct() {
        ResidenceRegistrationRequest body = registration(Persona.TAX_DEBTOR, ABAI_10_5, Persona.DWELLING_OWNER);
        assertEquals(
                "SIGNER_MISMATCH",
                Refusals.read(assertThrows(
                                StatusRuntimeException.class,
                                () -> env.submit(
                                        "egov-portal", "RESIDENCE_REGISTRATION", body, Persona.TAX_DEBTOR.key())))
                        .reason(),
                "the owner must sign too");
        Address before = book().permanentOf(Persona.TAX_DEBTOR.iin().value())
                .orElseThrow()
                .address();
        SubmitAck ack = env.submit(
                "egov-portal", "RESIDENCE_REGISTRATION", body, Persona.TAX_DEBTOR.key(), Persona.DWELLING_OWNER.key());
        assertEquals(Duration.ofMinutes(30), Duration.between(at(ack.getAcceptedAt()), at(ack.getDueAt())));
        Case done = env.awaitState(cabinet(Persona.TAX_DEBTOR), ack.getCaseId(), "APPROVED");
        CaseStep check = steps(done).get("DWELLING_OWNER_CHECK");
        assertEquals("CLEAR", check.getState());
        assertEquals(Duration.ofMinutes(10), Duration.between(at(ack.getAcceptedAt()), at(check.getDueAt())));
        assertEquals(List.of("RESIDENCE_DEREGISTRATION", "RESIDENCE_REGISTRATION"), effectsOf(ack.getCaseId()));
        ResidenceBook.Entry now =
                book().permanentOf(Persona.TAX_DEBTOR.iin().value()).orElseThrow();
        assertEquals(ABAI_10_5, now.address());
        assertFalse(before.equals(now.address()));
        assertTrue(done.getResultRu().contains("Зарегистрирован по месту жительства № REG-"), done.getResultRu());
        assertTrue(done.getResultRu().contains("снят с регистрации по прежнему адресу № DEP-"), done.getResultRu());
        assertFalse(done.getOverdue());
        // The owner who consented sees the case in their cabinet.
        env.caseOf(cabinet(Persona.DWELLING_OWNER), ack.getCaseId());
    }

    @Test
    @DisplayName("004 annex 3 §5: an applicant who owns the dwelling signs alone")
    void anApplicantWhoOwnsTheDwellingSignsAlone() {
        SubmitAck ack = env.submit(
                "egov-portal",
                "RESIDENCE_REGISTRATION",
                registration(Persona.EMPLOYER, SATPAEV_30_12, Persona.EMPLOYER),
                Persona.EMPLOYER.key());
        env.awaitState(cabinet(Persona.EMPLOYER), ack.getCaseId(), "APPROVED");
        assertEquals(
                SATPAEV_30_12,
                book().permanentOf(Persona.EMPLOYER.iin().value()).orElseThrow().address());
    }

    @Test
    @DisplayName("004 annex 3 §5: a consent of someone the dwelling register does not list as the owner, or for"
            + " an address it does not know, is refused with the register's reason and changes nothing")
    void refusesAConsentOfSomeoneTheRegisterDoesNotKnowAsTheOwner() {
        SubmitAck notOwner = env.submit(
                "egov-portal",
                "RESIDENCE_REGISTRATION",
                registration(Persona.CLEAN, ABAI_10_5, Persona.EMPLOYER),
                Persona.CLEAN.key(),
                Persona.EMPLOYER.key());
        Case refused = env.awaitState(cabinet(Persona.CLEAN), notOwner.getCaseId(), "REFUSED");
        assertEquals("GROUNDS", steps(refused).get("DWELLING_OWNER_CHECK").getState());
        assertTrue(refused.getResultRu().contains("не является собственником этого жилья"), refused.getResultRu());
        assertEquals(List.of(), effectsOf(notOwner.getCaseId()));

        SubmitAck nowhere = env.submit(
                "egov-portal",
                "RESIDENCE_REGISTRATION",
                registration(
                        Persona.CLEAN,
                        address("751110000", "Алмалы ауданы", "Абай даңғылы", "10", "999"),
                        Persona.DWELLING_OWNER),
                Persona.CLEAN.key(),
                Persona.DWELLING_OWNER.key());
        Case unknown = env.awaitState(cabinet(Persona.CLEAN), nowhere.getCaseId(), "REFUSED");
        assertTrue(unknown.getResultRu().contains("нет в адресном регистре"), unknown.getResultRu());
        assertEquals(List.of(), effectsOf(nowhere.getCaseId()));
    }

    @Test
    @DisplayName("004 annex 3 §5: a registration that names no owner is refused before a case opens")
    void refusesARegistrationWithoutTheOwner() {
        assertRefused(
                Reason.RESIDENCE_OWNER_CONSENT_MISSING,
                "owner_iin",
                () -> env.submit(
                        "egov-portal",
                        "RESIDENCE_REGISTRATION",
                        registration(Persona.CLEAN, ABAI_10_5, Persona.CLEAN).toBuilder()
                                .clearOwnerIin()
                                .build(),
                        Persona.CLEAN.key()));
    }

    @Test
    @DisplayName("004 annex 3 §5: the owner's SMS consent attested by the portal replaces the owner's signature"
            + " once; an attestation that does not name the owner and the dwelling, lacks a number, is stale,"
            + " comes from the State Corporation or reuses its OTP is refused")
    void acceptsTheOwnersSmsConsentOnceAndRefusesEveryFlawedAttestation() {
        Instant now = Instant.now();
        ResidenceRegistrationRequest good =
                registration(Persona.CONVICTED, ABAI_10_5, Persona.DWELLING_OWNER).toBuilder()
                        .setSmsConsent(sms(Persona.DWELLING_OWNER, ABAI_10_5, "otp-res11-1", now.minusSeconds(60)))
                        .build();
        SubmitAck ack = env.submit("egov-portal", "RESIDENCE_REGISTRATION", good, Persona.CONVICTED.key());
        env.awaitState(cabinet(Persona.CONVICTED), ack.getCaseId(), "APPROVED");

        assertRefused(
                Reason.RESIDENCE_OTP_REUSED,
                "",
                () -> env.submit(
                        "egov-portal",
                        "RESIDENCE_REGISTRATION",
                        good.toBuilder()
                                .setIin(Persona.STATE_SECRETS.iin().value())
                                .build(),
                        Persona.STATE_SECRETS.key()));

        record Flaw(String detail, OwnerConsentAttestation attestation) {}
        OwnerConsentAttestation base = sms(Persona.DWELLING_OWNER, ABAI_10_5, "otp-res11-2", now);
        List<Flaw> flaws = List.of(
                new Flaw(
                        "sms_consent.owner_iin ≠ owner_iin",
                        base.toBuilder()
                                .setOwnerIin(Persona.EMPLOYER.iin().value())
                                .build()),
                new Flaw(
                        "sms_consent.applicant_phone",
                        base.toBuilder().clearApplicantPhone().build()),
                new Flaw(
                        "sms_consent.phone",
                        base.toBuilder().setPhone("87011234567").build()),
                new Flaw(
                        "sms_consent.address ≠ address",
                        base.toBuilder().setAddress(TOLE_BI_101_9).build()),
                new Flaw(
                        "sms_consent.confirmed_at > 15 min",
                        base.toBuilder()
                                .setConfirmedAt(Timestamps.fromMillis(
                                        now.minus(Duration.ofMinutes(20)).toEpochMilli()))
                                .build()),
                new Flaw(
                        "sms_consent.otp_transaction_id",
                        base.toBuilder().clearOtpTransactionId().build()));
        for (Flaw flaw : flaws) {
            assertRefused(
                    Reason.RESIDENCE_SMS_CONSENT_INVALID,
                    flaw.detail(),
                    () -> env.submit(
                            "egov-portal",
                            "RESIDENCE_REGISTRATION",
                            registration(Persona.STATE_SECRETS, ABAI_10_5, Persona.DWELLING_OWNER).toBuilder()
                                    .setSmsConsent(flaw.attestation())
                                    .build(),
                            Persona.STATE_SECRETS.key()));
        }
        assertRefused(
                Reason.RESIDENCE_SMS_CONSENT_INVALID,
                "sms_consent ← hkko",
                () -> env.submit(
                        "hkko",
                        "RESIDENCE_REGISTRATION",
                        registration(Persona.STATE_SECRETS, ABAI_10_5, Persona.DWELLING_OWNER).toBuilder()
                                .setSmsConsent(base)
                                .build(),
                        "hkko-operator"));
    }

    // ------------------------------------------------------------------- 004 annex 3: channels

    @Test
    @DisplayName("004 annex 3 §2: a permanently resident foreigner registers through the State Corporation only")
    void registersAResidentForeignerThroughTheStateCorporationOnly() {
        ResidenceRegistrationRequest body = ResidenceRegistrationRequest.newBuilder()
                .setIin(FOREIGNER_IIN)
                .setAddress(ABAI_10_5)
                .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                .setApplicantStatus(ResidentStatus.RESIDENT_STATUS_PERMANENT_RESIDENT_FOREIGNER)
                .build();
        // The portal refuses anyone it is told is not a citizen, even an owner registering at home.
        assertRefused(
                Reason.RESIDENCE_STATE_CORPORATION_ONLY,
                "egov-portal",
                () -> env.submit(
                        "egov-portal",
                        "RESIDENCE_REGISTRATION",
                        registration(Persona.EMPLOYER, SATPAEV_30_12, Persona.EMPLOYER).toBuilder()
                                .setApplicantStatus(ResidentStatus.RESIDENT_STATUS_STATELESS)
                                .build(),
                        Persona.EMPLOYER.key()));
        SubmitAck ack = env.submit("hkko", "RESIDENCE_REGISTRATION", body, "hkko-operator");
        env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        assertEquals(ABAI_10_5, book().permanentOf(FOREIGNER_IIN).orElseThrow().address());
        assertEquals(List.of("RESIDENCE_REGISTRATION"), effectsOf(ack.getCaseId()), "registered nowhere before");
    }

    @Test
    @DisplayName("004 annex 3 §4: a temporary registration records the temporary stay address and keeps the"
            + " permanent registration")
    void temporaryRegistrationKeepsThePermanentOne() {
        Address permanent =
                book().permanentOf(Persona.WANTED.iin().value()).orElseThrow().address();
        SubmitAck ack = env.submit(
                "egov-portal",
                "RESIDENCE_REGISTRATION",
                registration(Persona.WANTED, ABAI_10_5, Persona.DWELLING_OWNER).toBuilder()
                        .setKind(RegistrationKind.REGISTRATION_KIND_TEMPORARY)
                        .build(),
                Persona.WANTED.key(),
                Persona.DWELLING_OWNER.key());
        Case done = env.awaitState(cabinet(Persona.WANTED), ack.getCaseId(), "APPROVED");
        assertTrue(done.getResultRu().contains("по месту временного пребывания"), done.getResultRu());
        assertEquals(List.of("RESIDENCE_REGISTRATION"), effectsOf(ack.getCaseId()));
        assertEquals(
                ABAI_10_5,
                book().temporaryOf(Persona.WANTED.iin().value()).orElseThrow().address());
        assertEquals(
                permanent,
                book().permanentOf(Persona.WANTED.iin().value()).orElseThrow().address());
    }

    // ------------------------------------------------------------------- 004 annex 4

    @Test
    @DisplayName("004 annex 4 §2(1), §4, table 1: the owner deregisters a person under a court decision the"
            + " court register confirms, within 30 minutes; the person is told why")
    void theOwnerDeregistersAPersonUnderACourtDecision() {
        SubmitAck ack = env.submit(
                "egov-portal",
                "RESIDENCE_DEREGISTRATION",
                ResidenceDeregistrationRequest.newBuilder()
                        .setIin(Persona.COURT_DEBTOR.iin().value())
                        .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                        .setCourtDecisionRef("2-1234/2026")
                        .setAddress(TOLE_BI_101_9)
                        .build(),
                Persona.DWELLING_OWNER.key());
        assertEquals(Duration.ofMinutes(30), Duration.between(at(ack.getAcceptedAt()), at(ack.getDueAt())));
        Case done = env.awaitState(cabinet(Persona.DWELLING_OWNER), ack.getCaseId(), "APPROVED");
        assertEquals("CLEAR", steps(done).get("RIGHT_OF_USE_DECISION_CHECK").getState());
        assertEquals("CLEAR", steps(done).get("DWELLING_OWNER_CHECK").getState());
        assertTrue(steps(done).get("RESIDENCE_DEREGISTRATION").getResult().startsWith("DEP-"));
        assertFalse(done.getOverdue());
        assertTrue(book().permanentOf(Persona.COURT_DEBTOR.iin().value()).isEmpty());
        // The deregistered person did not apply: their cabinet shows the owner's case and why.
        Case theirs = env.caseOf(cabinet(Persona.COURT_DEBTOR), ack.getCaseId());
        assertTrue(
                theirs.getResultRu()
                        .contains("по заявлению собственника жилья на основании решения суда № 2-1234/2026"),
                theirs.getResultRu());
        assertTrue(
                theirs.getResultKk().contains("Тұрғын үй иесінің өтініші бойынша № 2-1234/2026 сот шешімі"),
                theirs.getResultKk());
    }

    @Test
    @DisplayName("004 annex 4 §2(1): on the portal nobody deregisters themself, and the owner needs a court"
            + " decision that names this person, owner and dwelling")
    void refusesSelfDeregistrationOnThePortalAndADecisionAboutSomeoneElse() {
        ResidenceDeregistrationRequest self = ResidenceDeregistrationRequest.newBuilder()
                .setIin(Persona.CLEAN.iin().value())
                .build();
        assertRefused(
                Reason.DEREGISTRATION_OWNER_APPLICATION_ONLY,
                "ground",
                () -> env.submit("egov-portal", "RESIDENCE_DEREGISTRATION", self, Persona.CLEAN.key()));
        assertRefused(
                Reason.DEREGISTRATION_OWNER_APPLICATION_ONLY,
                "owner_iin",
                () -> env.submit(
                        "egov-portal",
                        "RESIDENCE_DEREGISTRATION",
                        self.toBuilder()
                                .setOwnerIin(Persona.CLEAN.iin().value())
                                .setCourtDecisionRef("2-1234/2026")
                                .setAddress(TOLE_BI_101_9)
                                .build(),
                        Persona.CLEAN.key()));
        ResidenceDeregistrationRequest byOwner = ResidenceDeregistrationRequest.newBuilder()
                .setIin(Persona.TAX_DEBTOR.iin().value())
                .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                .setAddress(TOLE_BI_101_9)
                .build();
        assertRefused(
                Reason.DEREGISTRATION_COURT_DECISION_MISSING,
                "court_decision_ref",
                () -> env.submit("egov-portal", "RESIDENCE_DEREGISTRATION", byOwner, Persona.DWELLING_OWNER.key()));
        // A decision that ended someone else's right of use.
        SubmitAck ack = env.submit(
                "egov-portal",
                "RESIDENCE_DEREGISTRATION",
                byOwner.toBuilder().setCourtDecisionRef("2-1234/2026").build(),
                Persona.DWELLING_OWNER.key());
        Case refused = env.awaitState(cabinet(Persona.DWELLING_OWNER), ack.getCaseId(), "REFUSED");
        assertEquals(
                "GROUNDS", steps(refused).get("RIGHT_OF_USE_DECISION_CHECK").getState());
        assertTrue(refused.getResultRu().contains("касается другого лица"), refused.getResultRu());
        assertEquals(List.of(), effectsOf(ack.getCaseId()));
    }

    @Test
    @DisplayName("004 annex 4 §2, §4: at the State Corporation a person leaving for permanent residence abroad"
            + " deregisters themself and gets the departure sheet")
    void aPersonLeavingAbroadDeregistersThemselfAtTheStateCorporation() {
        SubmitAck ack = env.submit(
                "hkko",
                "RESIDENCE_DEREGISTRATION",
                ResidenceDeregistrationRequest.newBuilder()
                        .setIin(Persona.STATE_SECRETS.iin().value())
                        .setGround(DeregistrationGround.DEREGISTRATION_GROUND_LEFT_FOR_PERMANENT_RESIDENCE_ABROAD)
                        .build(),
                "hkko-operator");
        assertEquals(Duration.ofMinutes(30), Duration.between(at(ack.getAcceptedAt()), at(ack.getDueAt())));
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        assertTrue(done.getResultRu().contains("адресный листок убытия № DEP-"), done.getResultRu());
        assertTrue(book().permanentOf(Persona.STATE_SECRETS.iin().value()).isEmpty());
    }
}
