package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.shlyuz.gateway.services.CitizenGuidance;
import kz.shlyuz.gateway.services.HearingRules;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.gateway.services.ServiceDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.StepSpec;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every status-message template, filled for every service, read as the citizen reads it (issue
 * 11.5, 11.10): which ones invite a complaint, the Kazakh dative after «дейін», no enum names or
 * seed file numbers, and — in every service's step titles, hearing notices and guidance — no
 * abbreviations, system names or annex numbers a citizen cannot read. The end-to-end side is SecondPartiesAndTermsTest.
 */
class TextsTest {
    private static final Instant DUE = Instant.parse("2026-11-24T13:30:00Z");
    private static final Instant QUARTER_TO = Instant.parse("2026-11-24T13:45:00Z");
    private static final String CASE = "C2026-0193A4F2B1C07F3E9A2B4C5D6E7F";
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern BARE_DEYIN = Pattern.compile("\\d дейін");
    private static final Pattern SEED_NUMBER = Pattern.compile("\\(00\\d[,)]");
    private static final List<String> JARGON = List.of(
            "ҚСжАЕК",
            "КПСиСУ",
            "КМС",
            "ИПЦ",
            "ІІД",
            "ДВД",
            "ДКНБ",
            "УДО",
            "ҚБ",
            "КҚҚ",
            "ҰҚК",
            "КНБ",
            "ведомств",
            // The officers' system and the regulation's annexes mean nothing to a citizen.
            "Бүркіт",
            "қосымша)",
            "приложение ");
    /** A clock time before «дейін»: its dative ending must agree with how the time is read aloud. */
    private static final Pattern TIME_DEYIN = Pattern.compile("(\\d\\d):(\\d\\d)-(\\p{L}+) дейін");

    private static com.google.protobuf.Message sample(Service s) {
        return switch (s) {
            // A child of consenting age listed: the children's checks are steps with titles of their own.
            case EXIT_PERMANENT_RESIDENCE ->
                ExitPermanentResidenceRequest.newBuilder()
                        .addChildrenIins("000000000000")
                        .build();
            case ID_DOCUMENT -> IdDocumentRequest.getDefaultInstance();
            case TEMPORARY_ID -> TemporaryIdRequest.getDefaultInstance();
            case LABOUR_MIGRANT_PERMIT, LABOUR_MIGRANT_PERMIT_EXTENSION ->
                LabourMigrantPermitRequest.getDefaultInstance();
            default -> null;
        };
    }

    /** Every template by the event it is sent with, for one service's steps. */
    private static Map<CaseEvent, List<Texts.Pair>> templates(
            ProcessDefinition d, List<StepSpec> steps, String sender) {
        StepSpec step = steps.get(0);
        return Map.of(
                CaseEvent.ACCEPTED, List.of(Texts.accepted(d, CASE, steps, DUE, DUE)),
                CaseEvent.STAGE_DONE, List.of(Texts.next("Тексерулер аяқталды.", "Проверки завершены.", steps, DUE)),
                CaseEvent.APPROVED, List.of(Texts.approved(d, sender, "Рұқсат берілді", "Выдано разрешение")),
                CaseEvent.REFUSED, List.of(Texts.refused(d, "негіз", "основание")),
                CaseEvent.PRELIMINARY_REFUSAL, List.of(Texts.preliminary("негіз", "основание", DUE)),
                CaseEvent.OBJECTION_RECEIVED, List.of(Texts.objectionReceived(steps, DUE)),
                CaseEvent.STEP_PASSED_OVER, List.of(Texts.passedOver(step)),
                CaseEvent.STEP_UNDELIVERED, List.of(Texts.undelivered(step, 5)),
                CaseEvent.STEP_OVERDUE, List.of(Texts.overdue(step, DUE)));
    }

    @Test
    @DisplayName("11.5: only a refusal (a decision) and an overdue step (a broken term) invite a complaint")
    void onlyARefusalOrABrokenTermInvitesAComplaint() {
        int scanned = 0;
        for (ServiceDefinition s : Services.standard().all()) {
            if (s.synchronous()) {
                continue;
            }
            ProcessDefinition d = s.process();
            for (String sender : List.of("hkko", "egov-portal", "burkit")) {
                List<StepSpec> steps = d.stagesFor(sampleOrDefault(s)).get(0).steps();
                for (Map.Entry<CaseEvent, List<Texts.Pair>> e :
                        templates(d, steps, sender).entrySet()) {
                    boolean may = e.getKey() == CaseEvent.REFUSED || e.getKey() == CaseEvent.STEP_OVERDUE;
                    for (Texts.Pair p : e.getValue()) {
                        scanned++;
                        for (String text : List.of(p.kk(), p.ru())) {
                            boolean complaint = text.contains("шағым") || text.contains("обжал");
                            assertTrue(!complaint || may, s.id() + " " + e.getKey() + " invites a complaint: " + text);
                            assertFalse(BARE_DEYIN.matcher(text).find(), "«дейін» without the dative: " + text);
                            assertFalse(SEED_NUMBER.matcher(text).find(), "a seed file number: " + text);
                        }
                    }
                }
            }
        }
        assertTrue(scanned >= 8 * 9 * 3, "scanned " + scanned);
    }

    private static com.google.protobuf.Message sampleOrDefault(ServiceDefinition s) {
        com.google.protobuf.Message m = sample(s.service());
        if (m != null) {
            return m;
        }
        try {
            return (com.google.protobuf.Message)
                    s.bodyType().getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName(
            "11.10: every service's citizen texts speak plain words, without enums, abbreviations or annex numbers")
    void everyServicesCitizenTextsNameNoEnumNoAbbreviationAndNoAnnex() {
        List<String> texts = new ArrayList<>();
        for (ServiceDefinition s : Services.standard().all()) {
            if (s.synchronous()) {
                continue;
            }
            ProcessDefinition d = s.process();
            texts.addAll(List.of(d.titleKk(), d.titleRu()));
            texts.addAll(
                    List.of(d.secondParty().role().kk(), d.secondParty().role().ru()));
            texts.addAll(
                    List.of(d.secondParty().asks().kk(), d.secondParty().asks().ru()));
            for (var stage : d.stagesFor(sampleOrDefault(s))) {
                for (StepSpec step : stage.steps()) {
                    texts.addAll(List.of(step.titleKk(), step.titleRu()));
                    for (Map.Entry<CaseEvent, List<Texts.Pair>> e :
                            templates(d, stage.steps(), "hkko").entrySet()) {
                        // The service's own appeal route (001 §16) is checked on its own below; the
                        // refusal around it must be short by itself.
                        e.getValue()
                                .forEach(
                                        p -> texts.addAll(List.of(withoutAppeal(p.kk(), d), withoutAppeal(p.ru(), d))));
                    }
                }
            }
            for (String sender : List.of("hkko", "egov-portal")) {
                d.handOutFor(sender).ifPresent(w -> texts.addAll(List.of(w.kk(), w.ru())));
            }
            if (d.hearing() != null) {
                HearingRules h = d.hearing();
                texts.addAll(List.of(h.review().titleKk(), h.review().titleRu(), h.channelKk(), h.channelRu()));
                // A quarter to the hour: «-ке дейін», which a fixed «-ға» would get wrong.
                for (Texts.Pair p : List.of(
                        Texts.draftRefusalComing(h, "негіз", "основание", QUARTER_TO),
                        Texts.draftDelivered(h, java.time.LocalDate.of(2026, 11, 20), QUARTER_TO, true),
                        Texts.hearingNoticeOverdue(d, QUARTER_TO))) {
                    texts.addAll(List.of(withoutAppeal(p.kk(), d), withoutAppeal(p.ru(), d)));
                }
            }
            if (d.guidance() != null) {
                texts.addAll(List.of(d.guidance().appealKk(), d.guidance().appealRu()));
            }
        }
        for (String text : texts) {
            java.util.regex.Matcher time = TIME_DEYIN.matcher(text);
            while (time.find()) {
                assertEquals(
                        Texts.dative(Integer.parseInt(time.group(2))),
                        time.group(3),
                        "the dative of " + time.group(1) + ":" + time.group(2) + " in: " + text);
            }
            assertFalse(ENUM_NAME.matcher(text).find(), "an enum name: " + text);
            assertFalse(BARE_DEYIN.matcher(text).find(), "«дейін» without the dative: " + text);
            for (String word : JARGON) {
                assertFalse(text.contains(word), "«" + word + "»: " + text);
            }
            assertTrue(text.length() <= 400, text.length() + " characters: " + text);
        }
    }

    private static String withoutAppeal(String text, ProcessDefinition d) {
        CitizenGuidance g = d.guidance();
        if (g == null) {
            return text;
        }
        return text.replace(g.appealKk(), "").replace(g.appealRu(), "");
    }

    @Test
    @DisplayName("11.10: «дейін» takes the dative as the time is read aloud; the case is named by its short reference")
    void kazakhUntilTakesTheDativeOfTheTimeAsReadAloud() {
        assertEquals("24.11.2026 ж. сағат 18:30-ға дейін", Texts.untilKk(DUE));
        assertEquals("23.11.2026 ж. сағат 10:00-ге дейін", Texts.untilKk(Instant.parse("2026-11-23T05:00:00Z")));
        assertEquals("23.11.2026 ж. сағат 11:45-ке дейін", Texts.untilKk(Instant.parse("2026-11-23T06:45:00Z")));
        assertEquals("23.11.2026 ж. сағат 11:40-қа дейін", Texts.untilKk(Instant.parse("2026-11-23T06:40:00Z")));
        assertEquals("23.11.2026 ж. сағат 11:50-ге дейін", Texts.untilKk(Instant.parse("2026-11-23T06:50:00Z")));
        assertEquals("23.11.2026 ж. сағат 09:36-ға дейін", Texts.untilKk(Instant.parse("2026-11-23T04:36:00Z")));
        assertEquals("проверка", Texts.checksRu(21));
        assertEquals("проверки", Texts.checksRu(4));
        assertEquals("проверок", Texts.checksRu(7));
        assertEquals("проверок", Texts.checksRu(12));
        String reference = CaseReference.of(CASE);
        assertEquals(14, reference.length(), reference);
        assertTrue(reference.startsWith("2026-"), reference);
        assertEquals(reference, CaseReference.of(CASE), "derived, so always the same");
        assertEquals("C2026-0000000000000000", CaseReference.of("C2026-0000000000000000"), "not ours: as it is");
    }
}
