package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.DraftDeliveryMethod;
import kz.shlyuz.proto.v1.DraftRefusalDelivery;
import kz.shlyuz.proto.v1.Place;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.Sex;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CONSULAR_PERMANENT_STAY (seed 001) end to end through TLS: ҰҚК and internal affairs side by
 * side, the annex 4 notification, the request's own refusal grounds, and the right to be heard —
 * the draft refusal's delivery, the objection window from it, internal affairs' re-decision on
 * the objection's reasons and materials, and §16's complaint route. The tests share one gateway
 * and run in order: the first ones read dates from Friday 20 November 2026, the later ones move
 * the process clock on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsularPermanentStayTest {
    private static final String SERVICE = "CONSULAR_PERMANENT_STAY";
    private static final String OFFICER = "consular-officer";
    /** Not a persona: the consulate submits for them; САОД holds a court's exit ban (fx/saod.json). */
    private static final String COURT_BANNED = "730415373013";

    private AsyncEnvironment env;
    /** The court-ban case of {@link #courtBanFromTheCourtRegisterGivesAPreliminaryRefusal}, left without a delivery. */
    private String courtBanCase;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    /** The annex 1 form as the consulate fills it, consent given. */
    static ConsularPermanentStayRequest form(String iin) {
        return ConsularPermanentStayRequest.newBuilder()
                .setIin(iin)
                .setCitizenship("KZ")
                .setConsulate("Генконсульство РК во Франкфурте-на-Майне")
                .setDepartingFrom(
                        Address.newBuilder().setRegion("Алматы қаласы").setLocality("Алматы"))
                .setGoingTo(Place.newBuilder().setCountry("DE").setLocality("Frankfurt"))
                .setRestrictedDataConsent(true)
                .setFalseDataWarningGiven(true)
                .build();
    }

    static ConsularPermanentStayRequest form(Persona p) {
        return form(p.iin().value()).toBuilder()
                .setBirthDate(Date.newBuilder()
                        .setYear(p.birthDate().getYear())
                        .setMonth(p.birthDate().getMonthValue())
                        .setDay(p.birthDate().getDayOfMonth()))
                .setSex(p.male() ? Sex.SEX_MALE : Sex.SEX_FEMALE)
                .build();
    }

    private SubmitAck submit(ConsularPermanentStayRequest body) {
        return env.submit("burkit", SERVICE, body, OFFICER);
    }

    private Case await(String caseId, java.util.function.Predicate<Case> done) {
        return env.await("burkit", caseId, done);
    }

    private Case awaitState(String caseId, String state) {
        return env.awaitState("burkit", caseId, state);
    }

    private static Map<String, CaseStep> steps(Case c) {
        return OtherServicesTest.steps(c);
    }

    private static Instant at(com.google.protobuf.Timestamp t) {
        return OtherServicesTest.at(t);
    }

    private static StatusMessage last(Case c, String status) {
        return c.getHistoryList().stream()
                .filter(m -> m.getStatus().equals(status))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + status + " in " + c.getHistoryList()));
    }

    /** A refusal as the consulate sees it: gRPC code, reason, ШЭП code and both messages. */
    private static Refusals.Refused refused(
            String code, String reason, org.junit.jupiter.api.function.Executable call) {
        Refusals.Refused r = Refusals.read(assertThrows(StatusRuntimeException.class, call));
        assertEquals(reason, r.reason(), r::description);
        assertEquals(code, r.code());
        assertEquals("SCE004", r.shepCode());
        assertFalse(r.kazakh().isBlank() || r.russian().isBlank(), r::description);
        assertFalse(r.kazakh().equals(r.russian()));
        return r;
    }

    private SubmitAck deliver(String caseId, String iin, java.time.LocalDate on) {
        DraftRefusalDelivery delivery = DraftRefusalDelivery.newBuilder()
                .setCaseId(caseId)
                .setIin(iin)
                .setDeliveredOn(Date.newBuilder()
                        .setYear(on.getYear())
                        .setMonth(on.getMonthValue())
                        .setDay(on.getDayOfMonth()))
                .setMethod(DraftDeliveryMethod.DRAFT_DELIVERY_METHOD_IN_PERSON)
                .build();
        return env.client("burkit").submit(env.request("burkit", SERVICE, delivery, caseId, OFFICER));
    }

    private SubmitAck object(String caseId, Persona applicant, String reasons, String... materials) {
        PreliminaryRefusalObjection objection = PreliminaryRefusalObjection.newBuilder()
                .setCaseId(caseId)
                .setIin(applicant.iin().value())
                .setReasons(reasons)
                .addAllMaterialRefs(List.of(materials))
                .build();
        return env.client("burkit").submit(env.request("burkit", SERVICE, objection, caseId, applicant.key()));
    }

    /** The Astana date of the process clock now. */
    private java.time.LocalDate today() {
        return env.clock.instant().atZone(java.time.ZoneId.of("Asia/Almaty")).toLocalDate();
    }

    @Test
    @Order(1)
    @DisplayName(
            "001 §6, §7, §9, §12: ҰҚК and internal affairs run side by side; ҰҚК is bounded by the three months only")
    void asksTheKnbAndInternalAffairsTogetherAndBoundsTheKnbByTheServiceTerm() {
        SubmitAck ack = submit(form(Persona.CLEAN));
        Case done = awaitState(ack.getCaseId(), "APPROVED");
        Map<String, CaseStep> steps = steps(done);
        CaseStep knb = steps.get("STATE_SECRETS_CHECK");
        CaseStep police = steps.get("CRIMINAL_RECORD_CHECK");
        // §7: sent to internal affairs with the entry into Бүркіт, not after ҰҚК has answered.
        assertEquals(knb.getStartedAt(), police.getStartedAt());
        // §6's 2 wd are the consulate's; ҰҚК's answer is due only at §12's three months (Mon 22 Feb 2027).
        assertEquals(at(done.getDueAt()), at(knb.getDueAt()));
        assertEquals(Instant.parse("2027-02-22T13:30:00Z"), at(knb.getDueAt()));
        // §9: 30 calendar days from Fri 20 Nov end on Sunday 20 Dec, so on Monday 21 Dec.
        assertEquals(Instant.parse("2026-12-21T13:30:00Z"), at(police.getDueAt()));
        // §10: the consulate's 5 working days for the notification.
        CaseStep notification = steps.get("PERMANENT_STAY_NOTIFICATION");
        assertEquals(Instant.parse("2026-11-27T13:30:00Z"), at(notification.getDueAt()), "5 wd from Fri 20 Nov");
        assertTrue(done.getHistoryList().stream().noneMatch(m -> m.getStatus().equals("STEP_OVERDUE")));
    }

    @Test
    @Order(2)
    @DisplayName(
            "001 §10, annex 4: the approval carries the police department's decision number and date, and where to collect it")
    void approvalIsTheAnnexFourNotificationWithTheDecisionNumberAndDate() {
        SubmitAck ack = submit(form(Persona.CLEAN));
        Case done = awaitState(ack.getCaseId(), "APPROVED");
        String number = steps(done).get("PERMANENT_STAY_NOTIFICATION").getResult();
        assertTrue(number.matches("PD-20\\d\\d-\\d{6}"), number);
        String ru = last(done, "APPROVED").getTextRu();
        String kk = last(done, "APPROVED").getTextKk();
        assertTrue(
                ru.contains("РАЗРЕШЁН выезд на постоянное жительство за границу (Германия)")
                        // The adapter dates its decision on its own (wall) clock.
                        && ru.matches("(?s).*решение Департамента полиции \\(Алматы қаласы\\) от \\d{1,2} [а-я]+ "
                                + "20\\d\\d года № " + number + ".*"),
                ru);
        assertTrue(ru.contains("получите его в консульстве по рабочим дням с 16:00 до 17:00"), ru);
        assertFalse(ru.contains("личном кабинете"), ru);
        assertTrue(
                kk.contains("Германия елінде тұрғылықты тұру үшін шығуға РҰҚСАТ ЕТІЛДІ")
                        && !kk.contains("Бүркіт")
                        && !kk.contains("қосымша")
                        && kk.matches("(?s).*Алматы қаласы Полиция департаментінің 20\\d\\d жылғы \\d{1,2} \\S+ № "
                                + number + " шешімі.*"),
                kk);
        assertTrue(kk.contains("консулдық мекемеден жұмыс күндері 16:00-ден 17:00-ге дейін"), kk);
    }

    @Test
    @Order(3)
    @DisplayName("001 annex 3 line 9 grounds 1–3: no consent, unreliable data, an applicant the Rules do not cover")
    void refusesTheGroundsTheRequestItselfShows() {
        Refusals.Refused consent = refused(
                "FAILED_PRECONDITION",
                "PERSONAL_DATA_CONSENT_MISSING",
                () -> submit(form(Persona.CLEAN).toBuilder()
                        .setRestrictedDataConsent(false)
                        .build()));
        assertTrue(consent.russian().contains("согласия заявителя на доступ к персональным данным"), consent.russian());
        assertTrue(consent.kazakh().contains("дербес деректерге қол жеткізуге келісімі жоқ"), consent.kazakh());
        Refusals.Refused birth = refused(
                "FAILED_PRECONDITION",
                "APPLICANT_DATA_UNRELIABLE",
                () -> submit(form(Persona.CLEAN).toBuilder()
                        .setBirthDate(
                                Date.newBuilder().setYear(1991).setMonth(3).setDay(14))
                        .build()));
        assertTrue(birth.russian().contains("1991-03-14 ≠ IIN 1990-03-14"), birth.russian());
        refused(
                "FAILED_PRECONDITION",
                "APPLICANT_DATA_UNRELIABLE",
                () -> submit(
                        form(Persona.CLEAN).toBuilder().setSex(Sex.SEX_FEMALE).build()));
        Refusals.Refused foreigner = refused(
                "FAILED_PRECONDITION",
                "REQUIREMENTS_NOT_MET",
                () -> submit(
                        form(Persona.CLEAN).toBuilder().setCitizenship("RU").build()));
        assertTrue(foreigner.russian().contains("citizenship RU ≠ KZ"), foreigner.russian());
    }

    @Test
    @Order(4)
    @DisplayName("001 annex 3 line 9 ground 5: a court's exit ban in САОД gives a preliminary refusal")
    void courtBanFromTheCourtRegisterGivesAPreliminaryRefusal() {
        SubmitAck ack = submit(form(COURT_BANNED));
        courtBanCase = ack.getCaseId();
        Case c = awaitState(ack.getCaseId(), "PRELIMINARY_REFUSAL");
        assertEquals("COURT_EXIT_BAN", steps(c).get("COURT_OBLIGATIONS_CHECK").getResult());
        assertTrue(last(c, "PRELIMINARY_REFUSAL").getTextRu().contains("временно запрещён выезд"), c.toString());
    }

    @Test
    @Order(5)
    @DisplayName(
            "001 §11 ¶1–4: the window runs 2 wd from the recorded delivery of the draft; no objection → the refusal names §16")
    void objectionWindowRunsFromTheRecordedDeliveryAndClosesIntoTheReasonedRefusal() {
        assertEquals(AsyncEnvironment.START, env.clock.instant(), "reads dates from Fri 20 Nov");
        SubmitAck ack = submit(form(Persona.CONVICTED));
        String caseId = ack.getCaseId();
        Case preliminary = awaitState(caseId, "PRELIMINARY_REFUSAL");
        // ¶1–2: the consulate has 5 wd (Fri 27 Nov), well before 3 wd ahead of the term (Wed 17 Feb 2027).
        Instant noticeDue = Instant.parse("2026-11-27T13:30:00Z");
        assertEquals(noticeDue, at(preliminary.getHearingNoticeDueAt()));
        StatusMessage notice = last(preliminary, "PRELIMINARY_REFUSAL");
        assertEquals(noticeDue, at(notice.getNextDueAt()));
        assertTrue(notice.getTextRu().contains("Консульство до 27.11.2026 18:30 направит"), notice.getTextRu());
        assertTrue(notice.getTextKk().contains("27.11.2026 ж. сағат 18:30-ға дейін"), notice.getTextKk());
        // The channel that really takes the objection: the consulate, never the portal.
        assertTrue(notice.getTextRu().contains("подайте в консульство письменно"), notice.getTextRu());
        assertFalse(notice.getTextRu().contains("портал") || notice.getTextKk().contains("портал"));
        assertFalse(preliminary.hasObjectionDueAt(), "no window before the draft is delivered");
        // Before the delivery is recorded the applicant has nothing to object to yet.
        refused(
                "FAILED_PRECONDITION",
                "OBJECTION_NOT_EXPECTED",
                () -> object(caseId, Persona.CONVICTED, "Наказание отбыто", "court-release-2026.pdf"));
        // ¶3: handed over on Monday 23 Nov, reported on Tuesday: the window is Tue and Wed, to 25 Nov 18:30.
        env.clock.advanceTo(Instant.parse("2026-11-24T05:00:00Z"));
        SubmitAck delivered = deliver(caseId, Persona.CONVICTED.iin().value(), java.time.LocalDate.of(2026, 11, 23));
        assertEquals("DRAFT_REFUSAL_DELIVERED", delivered.getStatus());
        Instant windowEnd = Instant.parse("2026-11-25T13:30:00Z");
        assertEquals(windowEnd, at(delivered.getDueAt()));
        Case open = env.caseOf("burkit", caseId);
        assertEquals(Date.newBuilder().setYear(2026).setMonth(11).setDay(23).build(), open.getDraftDeliveredOn());
        assertEquals(windowEnd, at(open.getObjectionDueAt()));
        StatusMessage deliveredNotice = last(open, "DRAFT_REFUSAL_DELIVERED");
        assertEquals(windowEnd, at(deliveredNotice.getNextDueAt()));
        assertTrue(deliveredNotice.getTextRu().contains("вручены 23.11.2026"), deliveredNotice.getTextRu());
        assertTrue(
                deliveredNotice.getTextKk().contains("25.11.2026 ж. сағат 18:30-ға дейін"),
                deliveredNotice.getTextKk());
        // A second report, or one for a day before the grounds, is refused.
        refused(
                "FAILED_PRECONDITION",
                "DRAFT_DELIVERY_NOT_EXPECTED",
                () -> deliver(caseId, Persona.CONVICTED.iin().value(), java.time.LocalDate.of(2026, 11, 24)));
        // ¶4: no objection within the window → the reasoned refusal, with §16's route and terms.
        env.clock.advanceTo(Instant.parse("2026-11-25T13:00:00Z"));
        assertEquals("PRELIMINARY_REFUSAL", env.caseOf("burkit", caseId).getState(), "window still open");
        env.clock.advanceTo(Instant.parse("2026-11-25T14:00:00Z"));
        Case refused = awaitState(caseId, "REFUSED");
        String ru = last(refused, "REFUSED").getTextRu();
        assertTrue(ru.contains("Осуждён"), ru);
        assertTrue(
                ru.contains("в течение 3 рабочих дней")
                        && ru.contains("5 рабочих дней")
                        && ru.contains("15 рабочих дней")
                        && ru.contains("после обжалования в досудебном порядке"),
                ru);
        assertFalse(ru.contains("прокуратуре"), "002's route is not 001's: " + ru);
        assertTrue(last(refused, "REFUSED").getTextKk().contains("15 жұмыс күні"), refused.toString());
        refused(
                "FAILED_PRECONDITION",
                "OBJECTION_NOT_EXPECTED",
                () -> object(caseId, Persona.CONVICTED, "Наказание отбыто", "court-release-2026.pdf"));
    }

    @Test
    @Order(6)
    @DisplayName(
            "001 §11 ¶1–2: the consulate's term for the hearing notice passes without a delivery → the case says so")
    void hearingNoticeNotDeliveredInTermIsReported() {
        // The court-ban case of Fri 20 Nov is still waiting for its delivery; its term was Fri 27 Nov.
        String caseId = courtBanCase;
        env.clock.advanceTo(Instant.parse("2026-11-27T14:00:00Z"));
        Case late = await(
                caseId,
                c -> c.getHistoryList().stream().anyMatch(m -> m.getStatus().equals("HEARING_NOTICE_OVERDUE")));
        assertEquals("PRELIMINARY_REFUSAL", late.getState());
        assertTrue(last(late, "HEARING_NOTICE_OVERDUE").getTextRu().contains("не направило"), late.toString());
    }

    @Test
    @Order(7)
    @DisplayName("001 §11 ¶5–7: internal affairs re-decides on the objection's materials and approves")
    void objectionWithMaterialsIsReDecidedByInternalAffairsAndChangesTheOutcome() {
        SubmitAck ack = submit(form(Persona.COURT_DEBTOR));
        String caseId = ack.getCaseId();
        awaitState(caseId, "PRELIMINARY_REFUSAL");
        deliver(caseId, Persona.COURT_DEBTOR.iin().value(), today());
        SubmitAck objected = object(
                caseId,
                Persona.COURT_DEBTOR,
                "Атқарушылық іс тоқтатылды / Исполнительное производство прекращено",
                "bailiff-order-7511-25-00-2-1843.pdf");
        assertEquals("OBJECTION_RECEIVED", objected.getStatus());
        Case approved = awaitState(caseId, "APPROVED");
        Map<String, CaseStep> steps = steps(approved);
        // A step of its own at the police department, not the САОД check run again.
        assertEquals("CLEAR", steps.get("OBJECTION_REVIEW").getState());
        assertEquals("migration", steps.get("OBJECTION_REVIEW").getAgency());
        assertFalse(
                steps.containsKey("COURT_OBLIGATIONS_CHECK_R"), steps.keySet().toString());
        assertEquals(
                1,
                approved.getStepsList().stream()
                        .filter(s -> s.getName().equals("COURT_OBLIGATIONS_CHECK"))
                        .count());
        assertTrue(approved.hasObjectedAt());
        // Stages after a re-decision run under the case's new attempt, their steps named with "_R".
        assertTrue(steps.get("PERMANENT_STAY_NOTIFICATION_R").getResult().startsWith("PD-"));
    }

    @Test
    @Order(8)
    @DisplayName(
            "001 §11 ¶5–6, ¶8: an objection the materials do not support leaves the refusal, with internal affairs' reasons")
    void objectionThatTheFilesDoNotSupportEndsInTheReasonedRefusal() {
        SubmitAck ack = submit(form(Persona.CONVICTED));
        String caseId = ack.getCaseId();
        awaitState(caseId, "PRELIMINARY_REFUSAL");
        deliver(caseId, Persona.CONVICTED.iin().value(), today());
        object(caseId, Persona.CONVICTED, "Наказание отбыто, прошу пересмотреть", "release-certificate.pdf");
        Case refused = awaitState(caseId, "REFUSED");
        assertEquals("GROUNDS", steps(refused).get("OBJECTION_REVIEW").getState());
        String ru = last(refused, "REFUSED").getTextRu();
        assertTrue(ru.contains("Возражение и материалы рассмотрены: наказание не отбыто"), ru);
        assertTrue(ru.contains("15 рабочих дней"), ru);
        // The same debtor as in the approval above, objecting without the bailiff's order: refused.
        SubmitAck bare = submit(form(Persona.COURT_DEBTOR));
        awaitState(bare.getCaseId(), "PRELIMINARY_REFUSAL");
        deliver(bare.getCaseId(), Persona.COURT_DEBTOR.iin().value(), today());
        object(bare.getCaseId(), Persona.COURT_DEBTOR, "Долг погашен");
        Case unsupported = awaitState(bare.getCaseId(), "REFUSED");
        assertTrue(
                last(unsupported, "REFUSED").getTextRu().contains("не устраняют основание отказа"),
                unsupported.toString());
        // Someone else cannot object for the applicant.
        SubmitAck third = submit(form(Persona.CONVICTED));
        awaitState(third.getCaseId(), "PRELIMINARY_REFUSAL");
        deliver(third.getCaseId(), Persona.CONVICTED.iin().value(), today());
        Refusals.Refused other = Refusals.read(assertThrows(
                StatusRuntimeException.class,
                () -> env.client("burkit")
                        .submit(env.request(
                                "burkit",
                                SERVICE,
                                PreliminaryRefusalObjection.newBuilder()
                                        .setCaseId(third.getCaseId())
                                        .setIin(Persona.CONVICTED.iin().value())
                                        .setReasons("x")
                                        .build(),
                                third.getCaseId(),
                                Persona.CLEAN.key()))));
        assertEquals("SIGNER_MISMATCH", other.reason());
        env.clock.advance(Duration.ofDays(7));
        awaitState(third.getCaseId(), "REFUSED");
    }
}
