package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.adapters.samples.ExitQuestionnaire;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdentityDocumentRef;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Exit for permanent residence against the points of seeds 000 and 002 that issue 11 names, end
 * to end through TLS: each refusal ground with the fixture person who has it, the children's
 * checks and ages, the military register, and what the approval tells the applicant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitSeedPointsTest {
    private static final String SERVICE = "EXIT_PERMANENT_RESIDENCE";
    /** Fixture people of exit11 (keyed by IIN in the adapters' fixtures). */
    private static final String CONSCRIPT = "720415372013";

    private static final String CIVIL_DEFENDANT = "720823472028";
    private static final String MISDECLARES = "720305372035";
    private static final String MOTHER = "720611472045";
    private static final String DAUGHTER_15_WANTED = "110210672050";
    private static final String SON_16 = "100901572069";
    private static final String DAUGHTER_12 = "140520672071";
    private static final String SEVENTEEN = "090315572089";

    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private static ExitPermanentResidenceRequest.Builder questionnaire(String iin) {
        return ExitQuestionnaire.of(iin, ExitRequests.START_DAY);
    }

    private Case refusedFor(ExitPermanentResidenceRequest body) {
        SubmitAck ack = env.submit("hkko", SERVICE, body, "hkko-operator");
        assertEquals("ACCEPTED", ack.getStatus());
        return env.awaitState("hkko", ack.getCaseId(), "REFUSED");
    }

    private static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    /** The refusal as the citizen reads it: the ground quoted, an appeal route, no permit. */
    private static void assertReasonedRefusal(Case refused, String step, String ground, String kk, String ru) {
        Map<String, CaseStep> steps = steps(refused);
        assertEquals("GROUNDS", steps.get(step).getState(), step);
        assertEquals(ground, steps.get(step).getResult());
        assertTrue(refused.getResultKk().contains(kk), refused.getResultKk());
        assertTrue(refused.getResultRu().contains(ru), refused.getResultRu());
        assertFalse(steps.containsKey("EXIT_PERMIT_ISSUE"), "no permit after grounds");
        String last = refused.getHistory(refused.getHistoryCount() - 1).getTextRu();
        assertTrue(last.contains("отказано") && last.contains("обжаловать"), last);
    }

    private Refusals.Refused assertSubmitRefused(Status.Code code, String reason, ExitPermanentResidenceRequest body) {
        Executable call = () -> env.submit("hkko", SERVICE, body, "hkko-operator");
        Refusals.Refused refused = Refusals.read(assertThrows(StatusRuntimeException.class, call));
        assertEquals(reason, refused.reason(), refused::description);
        assertEquals(code.name(), refused.code(), "gRPC code");
        assertEquals("SCE001", refused.shepCode(), "ШЭП code");
        assertFalse(refused.kazakh().isBlank(), "Kazakh message");
        assertFalse(refused.russian().isBlank(), "Russian message");
        assertNotEquals(refused.kazakh(), refused.russian());
        return refused;
    }

    @Test
    @DisplayName("002 §3 item 5: someone doing compulsory military service is refused on the ҚБ's record")
    void refusesAConscriptOnTheMilitaryRegistersRecord() {
        Case refused = refusedFor(questionnaire(CONSCRIPT).build());
        assertReasonedRefusal(
                refused,
                "MILITARY_REGISTRATION_CHECK",
                "MILITARY_SERVICE",
                "Мерзімді әскери қызметті өткеруде",
                "Проходит срочную воинскую службу");
        assertTrue(env.effects("military").stream().noneMatch(e -> e.caseId().equals(refused.getCaseId())));
    }

    @Test
    @DisplayName("002 §3 item 6: an ID card the documentation register does not hold as declared is false information")
    void refusesAQuestionnaireWhoseIdCardTheRegisterDoesNotHold() {
        ExitPermanentResidenceRequest truthful = questionnaire(MISDECLARES).build();
        // Two digits swapped: the register issued 043377120 on 14.01.2022.
        ExitPermanentResidenceRequest misdeclared = truthful.toBuilder()
                .setIdCard(IdentityDocumentRef.newBuilder(truthful.getIdCard()).setNumber("043377210"))
                .build();
        Case refused = refusedFor(misdeclared);
        assertReasonedRefusal(
                refused,
                "DECLARED_DOCUMENTS_CHECK",
                "FALSE_INFORMATION",
                "жалған мәліметтер",
                "ложные сведения о себе");
        assertTrue(refused.getResultRu().contains("043377210"), refused.getResultRu());
    }

    @Test
    @DisplayName("002 §3 item 6: the same applicant declaring the register's documents is approved")
    void approvesTheSameApplicantWhoseDocumentsAreAsTheRegisterHoldsThem() {
        SubmitAck ack = env.submit("hkko", SERVICE, questionnaire(MISDECLARES).build(), "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        assertEquals("CLEAR", steps(done).get("DECLARED_DOCUMENTS_CHECK").getState());
    }

    @Test
    @DisplayName("002 §3 item 7: a defendant in a civil case is refused on САОД's record")
    void refusesACivilDefendantOnTheCourtActsRecord() {
        Case refused = refusedFor(questionnaire(CIVIL_DEFENDANT).build());
        assertReasonedRefusal(
                refused,
                "COURT_OBLIGATIONS_CHECK",
                "CIVIL_DEFENDANT",
                "Азаматтық іс бойынша жауапкер",
                "Ответчик по гражданскому делу");
    }

    @Test
    @DisplayName("002 §10: a wanted child of 15 leaving with her mother bars the exit; a child of 12 is not checked")
    void refusesWhenAChildOfFifteenLeavingIsWantedAndLeavesAChildOfTwelveUnchecked() {
        ExitPermanentResidenceRequest.Builder b = questionnaire(MOTHER);
        ExitQuestionnaire.withChild(b, DAUGHTER_15_WANTED, "HKKO-DOC-CONSENT-1", "");
        ExitQuestionnaire.withChild(b, DAUGHTER_12, "", "HKKO-DOC-OPINION-2");
        Case refused = refusedFor(b.build());
        assertReasonedRefusal(
                refused, "CHILD1_WANTED_CHECK", "WANTED", "іздестіруде", "Разыскивается как подозреваемая");
        Map<String, CaseStep> steps = steps(refused);
        assertEquals("CLEAR", steps.get("CHILD1_EXIT_RESTRICTION_CHECK").getState());
        assertEquals("CLEAR", steps.get("WANTED_CHECK").getState(), "the mother herself is clear");
        assertTrue(
                steps.keySet().stream().noneMatch(n -> n.startsWith("CHILD2_")),
                "the child of 12 is not checked: " + steps.keySet());
    }

    @Test
    @DisplayName("002 §10, 000 action 12: a mother not on the military register, with a son of 16 checked, "
            + "is approved without any military effect or text")
    void approvesAMotherOffTheMilitaryRegisterWithoutMilitaryEffectOrText() {
        ExitPermanentResidenceRequest.Builder b = questionnaire(MOTHER);
        ExitQuestionnaire.withChild(b, SON_16, "HKKO-DOC-CONSENT-3", "");
        SubmitAck ack = env.submit("hkko", SERVICE, b.build(), "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        Map<String, CaseStep> steps = steps(done);
        assertEquals("CLEAR", steps.get("CHILD1_EXIT_RESTRICTION_CHECK").getState());
        assertEquals("CLEAR", steps.get("CHILD1_WANTED_CHECK").getState());
        assertEquals("", steps.get("MILITARY_DEREGISTRATION").getResult(), "no certificate");
        assertTrue(env.effects("military").stream().noneMatch(e -> e.caseId().equals(ack.getCaseId())));
        String kk = done.getHistory(done.getHistoryCount() - 1).getTextKk();
        String ru = done.getHistory(done.getHistoryCount() - 1).getTextRu();
        assertFalse(kk.contains("Әскери") || kk.contains("әскери"), kk);
        assertFalse(ru.contains("воинск") || ru.contains("военный"), ru);
        assertTrue(ru.contains("№ EX-") && ru.contains("№ DEP-"), ru);
    }

    @Test
    @DisplayName("000 actions 11-14, 002 §8, §14, §15: the approval names the exit permit, the departure sheet, "
            + "the military ID to hand in, where to collect the passport and the consular registration")
    void approvalSaysWhatWasProducedWhatToDoAndWhereToCollectThePaperResult() {
        SubmitAck ack = env.submit("hkko", SERVICE, ExitRequests.of(Persona.CLEAN), "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        Map<String, CaseStep> steps = steps(done);
        String permit = steps.get("EXIT_PERMIT_ISSUE").getResult();
        String sheet = steps.get("RESIDENCE_DEREGISTRATION").getResult();
        String certificate = steps.get("MILITARY_DEREGISTRATION").getResult();
        assertTrue(
                permit.startsWith("EX-") && sheet.startsWith("DEP-") && certificate.startsWith("QB-"),
                steps.toString());
        // The case's result is the permit first, not only the departure sheet.
        assertTrue(
                done.getResultRu().startsWith("разрешение на выезд на постоянное жительство № " + permit),
                done.getResultRu());
        String kk = done.getHistory(done.getHistoryCount() - 1).getTextKk();
        String ru = done.getHistory(done.getHistoryCount() - 1).getTextRu();
        for (String number : new String[] {permit, sheet, certificate}) {
            assertTrue(kk.contains(number) && ru.contains(number), number + ": " + ru);
        }
        assertTrue(kk.contains("Әскери билетіңізді қорғаныс істері жөніндегі басқармаға тапсырыңыз"), kk);
        assertTrue(ru.contains("Сдайте военный билет в управление по делам обороны"), ru);
        assertTrue(kk.contains("көші-қон қызметі бөлінісінен алыңыз"), kk);
        assertTrue(ru.contains("получите в подразделении миграционной службы"), ru);
        assertTrue(kk.contains("консулдық есепке тұрыңыз"), kk);
        assertTrue(ru.contains("встаньте на консульский учёт"), ru);
        assertFalse(kk.contains("жеке кабинет") || ru.contains("личном кабинете"), ru);
        assertEquals(
                1,
                env.effects("military").stream()
                        .filter(e -> e.caseId().equals(ack.getCaseId()))
                        .count());
    }

    @Test
    @DisplayName("002 §4: an unmarried applicant of 17 is refused at intake; married at 17 the application is accepted")
    void refusesAnUnmarriedSeventeenYearOldAndAcceptsAMarriedOne() {
        Refusals.Refused refused = assertSubmitRefused(
                Status.Code.FAILED_PRECONDITION,
                "APPLICANT_UNDER_AGE",
                questionnaire(SEVENTEEN).build());
        assertTrue(refused.russian().contains("18 лет") && refused.russian().contains("с 16 лет"), refused.russian());
        assertTrue(refused.kazakh().contains("18 жасқа толған"), refused.kazakh());
        SubmitAck married = env.submit(
                "hkko", SERVICE, questionnaire(SEVENTEEN).setMarried(true).build(), "hkko-operator");
        assertEquals("ACCEPTED", married.getStatus());
    }

    @Test
    @DisplayName("002 §4: a child of 16 leaves only with a consent, a child of 12 only when heard")
    void refusesAChildOfSixteenWithoutConsentAndAChildOfTwelveUnheard() {
        ExitPermanentResidenceRequest.Builder noConsent = questionnaire(MOTHER);
        ExitQuestionnaire.withChild(noConsent, SON_16, "", "");
        Refusals.Refused consent =
                assertSubmitRefused(Status.Code.FAILED_PRECONDITION, "CHILD_CONSENT_MISSING", noConsent.build());
        assertTrue(consent.russian().contains("children[0].consent_ref"), consent.russian());

        ExitPermanentResidenceRequest.Builder unheard = questionnaire(MOTHER);
        ExitQuestionnaire.withChild(unheard, DAUGHTER_12, "", "");
        Refusals.Refused opinion =
                assertSubmitRefused(Status.Code.FAILED_PRECONDITION, "CHILD_OPINION_MISSING", unheard.build());
        assertTrue(opinion.kazakh().contains("children[0].opinion_ref"), opinion.kazakh());
    }

    @Test
    @DisplayName("002 annex 1: a questionnaire without the ID card, the warning of liability or a true date of birth "
            + "is refused naming the field")
    void refusesAnIncompleteQuestionnaireNamingTheField() {
        ExitPermanentResidenceRequest full = ExitRequests.of(Persona.CLEAN);
        Map<String, ExitPermanentResidenceRequest> broken = Map.of(
                "id_card", full.toBuilder().clearIdCard().build(),
                "false_data_warning_acknowledged",
                        full.toBuilder().setFalseDataWarningAcknowledged(false).build(),
                "birth_date",
                        full.toBuilder()
                                .setBirthDate(full.getBirthDate().toBuilder().setDay(15))
                                .build(),
                "application_date",
                        full.toBuilder()
                                .setApplicationDate(
                                        full.getApplicationDate().toBuilder().setYear(2027))
                                .build(),
                "children", full.toBuilder().addChildrenIins(SON_16).build());
        for (var e : broken.entrySet()) {
            Refusals.Refused refused = assertSubmitRefused(Status.Code.INVALID_ARGUMENT, "BODY_INVALID", e.getValue());
            assertTrue(refused.russian().contains(e.getKey()), e.getKey() + ": " + refused.russian());
        }
    }
}
