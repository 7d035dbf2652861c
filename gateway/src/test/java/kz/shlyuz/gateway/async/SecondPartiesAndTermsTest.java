package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.process.CaseReference;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11 for the labour-migrant permit (003), the passport / ID card (004 annex 1) and the
 * temporary ID (004 annex 2), end to end through TLS: second parties' privacy (11.3), office-hour
 * terms, the internal-affairs check, the State Corporation's channel, the request's sense, the
 * hops of table 1, where results are handed out, and the citizen-facing texts (11.5, 11.10).
 * ҚСжАЕК starts down so that the first test holds a case open over a weekend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondPartiesAndTermsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** 003 §7.2 fixture: a foreigner with an entry ban in the internal-affairs databases (no persona). */
    private static final String BANNED_MIGRANT = "740315300016";

    private AsyncEnvironment env;
    private final KazakhstanCalendar calendar = new KazakhstanCalendar();
    /** Every case this class opened, with the reader who may see it in full. */
    private final Map<String, String> opened = new java.util.LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of("kpsisu"));
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private SubmitAck submit(String reader, String sender, String service, Message body, String... signers) {
        SubmitAck ack = env.submit(sender, service, body, signers);
        opened.put(ack.getCaseId(), reader);
        return ack;
    }

    static LabourMigrantPermitRequest permit(String migrantIin) {
        return LabourMigrantPermitRequest.newBuilder()
                .setMigrantIin(migrantIin)
                .setEmployerIin(Persona.EMPLOYER.iin().value())
                .setCitizenship("UZ")
                .setPassportNumber("FA1234567")
                .setMonths(6)
                .setProtectedDataConsent(true)
                .build();
    }

    static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    static Instant at(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Instant almaty(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime)
                .atZone(KazakhstanCalendar.ZONE)
                .toInstant();
    }

    // ------------------------------------------------------------------------ office-hour terms

    @Test
    @Order(1)
    @DisplayName("003 §7.2 «1 сағат» in working hours: a Submit at 18:00 on Friday is due on Monday 9:30 and is "
            + "not overdue over the weekend")
    void hourTermsRunInTheProvidersWorkingHoursSoNothingIsOverdueOverTheWeekend() {
        assertEquals(AsyncEnvironment.START, env.clock.instant(), "runs first, on Friday 20 November 2026");
        env.clock.advanceTo(almaty("2026-11-20T18:00"));
        SubmitAck ack = submit(
                "hkko",
                "hkko",
                "LABOUR_MIGRANT_PERMIT",
                permit(Persona.CLEAN.iin().value()),
                "hkko-operator");
        // 60 + 120 + 20 working minutes: 30 on Friday, 170 from Monday 9:00.
        assertEquals(almaty("2026-11-23T11:50"), at(ack.getDueAt()));
        Case open = env.await(
                "hkko",
                ack.getCaseId(),
                c -> steps(c).containsKey("MIGRANT_RECORD_CHECK")
                        && steps(c).get("MIGRANT_RECORD_CHECK").getState().equals("CLEAR"));
        for (String check : List.of("CRIMINAL_RECORD_CHECK", "WANTED_CHECK", "MIGRANT_RECORD_CHECK")) {
            assertEquals(almaty("2026-11-23T09:30"), at(steps(open).get(check).getDueAt()), check);
        }
        // Saturday noon: ҚСжАЕК has not answered, but its hour has not run out — the overdue
        // reminders wait for Monday 9:30, and the case is not overdue.
        env.clock.advanceTo(almaty("2026-11-21T12:00"));
        String outbox = env.outboxOf(ack.getCaseId());
        assertTrue(outbox.contains("OVERDUE") && outbox.contains("due=2026-11-23T04:30:00Z"), outbox);
        Case saturday = env.caseOf("hkko", ack.getCaseId());
        assertFalse(saturday.getOverdue(), "not overdue on a Saturday");
        assertTrue(
                saturday.getHistoryList().stream().noneMatch(m -> m.getStatus().equals("STEP_OVERDUE")),
                saturday.getHistoryList().toString());
        // Monday 9:31: now the term is broken, and only now may the citizen be told they may complain.
        env.clock.advanceTo(almaty("2026-11-23T09:31"));
        Case monday = env.await(
                "hkko",
                ack.getCaseId(),
                c -> c.getHistoryList().stream().anyMatch(m -> m.getStatus().equals("STEP_OVERDUE")));
        assertTrue(monday.getOverdue());
        StatusMessage overdue = monday.getHistoryList().stream()
                .filter(m -> m.getStatus().equals("STEP_OVERDUE"))
                .findFirst()
                .orElseThrow();
        assertTrue(overdue.getTextKk().contains("шағым жасауға болады"), overdue.getTextKk());
        assertTrue(overdue.getTextRu().contains("23.11.2026 09:30"), overdue.getTextRu());
    }

    // ------------------------------------------------------------------ second parties (11.3)

    @Test
    @Order(2)
    @DisplayName("11.3 / 003 §13: the employer's cabinet and status stream show the refusal without the conviction; "
            + "the migrant sees everything")
    void employerSeesThatTheExtensionWasRefusedButNotTheMigrantsConviction() throws Exception {
        env.startAdapter("kpsisu");
        String employer = Persona.EMPLOYER.iin().value();
        CabinetGrpc.CabinetStub stub =
                CabinetGrpc.newStub(env.client("egov-portal").channel());
        double watches = env.statusWatches();
        try (Streams<StatusMessage> watch = Streams.open(o -> stub.watchStatus(
                WatchStatusRequest.newBuilder().setCitizenIin(employer).build(), o))) {
            Await.until(() -> env.statusWatches() > watches, WAIT, "the gateway subscribes the employer's watch");
            SubmitAck ack = submit(
                    "egov-portal-as:" + Persona.CONVICTED.iin().value(),
                    "egov-portal",
                    "LABOUR_MIGRANT_PERMIT_EXTENSION",
                    permit(Persona.CONVICTED.iin().value()).toBuilder()
                            .setPermitNumber("WP-2026-000002")
                            .build(),
                    Persona.CONVICTED.key(),
                    Persona.EMPLOYER.key());
            // The migrant's own view: every step, the ground and its text.
            // ҚСжАЕК has just come up: process time moves on so that the outbox retries the checks.
            Case own = env.await(
                    "egov-portal-as:" + Persona.CONVICTED.iin().value(),
                    ack.getCaseId(),
                    c -> c.getState().equals("REFUSED"),
                    Duration.ofSeconds(2));
            assertFalse(own.getSecondParty());
            assertEquals("CONVICTED", steps(own).get("CRIMINAL_RECORD_CHECK").getResult());
            assertTrue(own.getResultRu().contains("Осуждён"), own.getResultRu());
            assertTrue(
                    own.getHistoryList().stream().anyMatch(m -> m.getTextRu().contains("Осуждён")),
                    "the applicant reads the ground in the refusal message");
            // The employer's view: the case, what it asked of them, the outcome — nothing else.
            Case theirs = env.awaitState("egov-portal-as:" + employer, ack.getCaseId(), "REFUSED");
            assertTrue(theirs.getSecondParty());
            assertEquals(0, theirs.getStepsCount(), "no checks and their results; no effect was applied");
            assertTrue(theirs.getResultRu().contains("отказано"), theirs.getResultRu());
            assertTrue(theirs.getResultKk().contains("бас тартылды"), theirs.getResultKk());
            assertEquals(
                    List.of("ACCEPTED", "REFUSED"),
                    theirs.getHistoryList().stream()
                            .map(StatusMessage::getStatus)
                            .toList());
            assertTrue(
                    theirs.getHistory(0).getTextRu().contains("работодатель"),
                    theirs.getHistory(0).getTextRu());
            // The employer is the second party of other cases too: keep this case's messages.
            List<StatusMessage> streamed = new ArrayList<>();
            while (streamed.size() < 2) {
                StatusMessage m = watch.take(1, WAIT).get(0);
                if (m.getCaseId().equals(ack.getCaseId())) {
                    streamed.add(m);
                }
            }
            assertEquals(
                    List.of("ACCEPTED", "REFUSED"),
                    streamed.stream().map(StatusMessage::getStatus).toList());
            List<String> seen = new ArrayList<>();
            theirs.getHistoryList().forEach(m -> seen.addAll(List.of(m.getTextKk(), m.getTextRu())));
            streamed.forEach(m -> seen.addAll(List.of(m.getTextKk(), m.getTextRu())));
            seen.addAll(List.of(theirs.getResultKk(), theirs.getResultRu()));
            for (String text : seen) {
                for (String secret : List.of("Осуждён", "сотталған", "Шымкент", "судимост", "Соттылық", "розыск")) {
                    assertFalse(text.contains(secret), "the employer reads «" + secret + "»: " + text);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------- 003 §7.2

    @Test
    @Order(3)
    @DisplayName(
            "003 §7.2: the internal-affairs databases are checked beside ҚСжАЕК, and an entry ban refuses the permit")
    void internalAffairsDatabaseCheckRefusesAMigrantWithAnEntryBan() {
        SubmitAck ack = submit("hkko", "hkko", "LABOUR_MIGRANT_PERMIT", permit(BANNED_MIGRANT), "hkko-operator");
        Case refused = env.awaitState("hkko", ack.getCaseId(), "REFUSED");
        Map<String, CaseStep> steps = steps(refused);
        assertEquals("ENTRY_BANNED", steps.get("MIGRANT_RECORD_CHECK").getResult());
        assertEquals("migration", steps.get("MIGRANT_RECORD_CHECK").getAgency());
        assertEquals(Set.of("CRIMINAL_RECORD_CHECK", "WANTED_CHECK", "MIGRANT_RECORD_CHECK"), steps.keySet());
        assertTrue(refused.getResultRu().contains("въезд"), refused.getResultRu());
    }

    // --------------------------------------------------------------------------------- 003 §3

    @Test
    @Order(4)
    @DisplayName("003 §3: the State Corporation may send the extension; the portal may not send the issue")
    void stateCorporationSendsTheExtensionAndThePortalOnlyTheExtension() {
        SubmitAck ack = submit(
                "hkko",
                "hkko",
                "LABOUR_MIGRANT_PERMIT_EXTENSION",
                permit(Persona.CLEAN.iin().value()).toBuilder()
                        .setPermitNumber("WP-2026-000003")
                        .build(),
                "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        assertTrue(steps(done).get("LABOUR_PERMIT_EXTEND").getResult().startsWith("WPX-"));
        StatusMessage approved = done.getHistory(done.getHistoryCount() - 1);
        assertTrue(approved.getTextRu().contains("ЦОНе"), approved.getTextRu());
        assertRefused(
                "PERMISSION_DENIED",
                Reason.SERVICE_NOT_ALLOWED,
                "LABOUR_MIGRANT_PERMIT",
                () -> env.submit(
                        "egov-portal",
                        "LABOUR_MIGRANT_PERMIT",
                        permit(Persona.CLEAN.iin().value()),
                        Persona.CLEAN.key()));
    }

    // ------------------------------------------------------------------------ 003 §12.3, sense

    @Test
    @Order(5)
    @DisplayName("003 §12.3 and the request's sense: consent, months 1–12, the permit and the employer of an "
            + "extension, each refused with its own reason")
    void refusesARequestWithoutConsentOrWithMonthsPermitOrEmployerMissing() {
        String clean = Persona.CLEAN.iin().value();
        LabourMigrantPermitRequest extension =
                permit(clean).toBuilder().setPermitNumber("WP-2026-000004").build();
        assertRefused(
                "FAILED_PRECONDITION",
                Reason.LABOUR_PERMIT_CONSENT_MISSING,
                "",
                () -> env.submit(
                        "hkko",
                        "LABOUR_MIGRANT_PERMIT",
                        permit(clean).toBuilder().setProtectedDataConsent(false).build(),
                        "hkko-operator"));
        for (int months : new int[] {0, 13}) {
            assertRefused(
                    "INVALID_ARGUMENT",
                    Reason.LABOUR_PERMIT_MONTHS_INVALID,
                    Integer.toString(months),
                    () -> env.submit(
                            "hkko",
                            "LABOUR_MIGRANT_PERMIT",
                            permit(clean).toBuilder().setMonths(months).build(),
                            "hkko-operator"));
        }
        assertRefused(
                "INVALID_ARGUMENT",
                Reason.LABOUR_PERMIT_NUMBER_MISSING,
                "",
                () -> env.submit(
                        "egov-portal",
                        "LABOUR_MIGRANT_PERMIT_EXTENSION",
                        extension.toBuilder().clearPermitNumber().build(),
                        Persona.CLEAN.key(),
                        Persona.EMPLOYER.key()));
        // No employer: a clear reason, not the admission's IIN_INVALID for an empty IIN.
        assertRefused(
                "INVALID_ARGUMENT",
                Reason.LABOUR_PERMIT_EMPLOYER_MISSING,
                "",
                () -> env.submit(
                        "egov-portal",
                        "LABOUR_MIGRANT_PERMIT_EXTENSION",
                        extension.toBuilder().clearEmployerIin().build(),
                        Persona.CLEAN.key()));
    }

    private static void assertRefused(
            String code, Reason reason, String detail, org.junit.jupiter.api.function.Executable call) {
        Refusals.Refused r = Refusals.read(assertThrows(StatusRuntimeException.class, call));
        assertEquals(reason.name(), r.reason(), r::description);
        assertEquals(code, r.code());
        assertEquals(reason.code().name(), r.code());
        assertEquals(reason.shepCode(), r.shepCode());
        assertEquals(reason.kazakh(detail), r.kazakh());
        assertEquals(reason.russian(detail), r.russian());
    }

    // ------------------------------------------------------------------------ 004 annex 1

    static IdDocumentRequest passport(Persona p, Urgency urgency) {
        return IdDocumentRequest.newBuilder()
                .setIin(p.iin().value())
                .setKind(DocumentKind.DOCUMENT_KIND_PASSPORT)
                .setUrgency(urgency)
                .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                .setPhotoRef("photo-1")
                .build();
    }

    private Instant closeOf(LocalDate day, int workingDays) {
        return calendar.plusWorkingDays(day, workingDays)
                .atTime(LocalTime.of(18, 30))
                .atZone(KazakhstanCalendar.ZONE)
                .toInstant();
    }

    @Test
    @Order(6)
    @DisplayName("004 annex 1 table 1: each urgency category's hops, and a result date never before their sum")
    void idDocumentHopsFollowTable1AndTheResultDateIsNeverBeforeTheirSum() {
        // Hops 3+4+5, 6, 7+8+9 in working days, as table 1 writes them, per category.
        Map<Urgency, int[]> table = Map.of(
                Urgency.URGENCY_CATEGORY_1, new int[] {1 + 1 + 1, 1, 1 + 1 + 1},
                Urgency.URGENCY_CATEGORY_2, new int[] {1 + 1 + 1, 2, 1 + 1 + 1},
                Urgency.URGENCY_CATEGORY_3, new int[] {2 + 2 + 1, 3, 1 + 1 + 1},
                Urgency.URGENCY_GENERAL, new int[] {2 + 2 + 1, 5, 5 + 1 + 1},
                Urgency.URGENCY_UNSPECIFIED, new int[] {2 + 2 + 1, 5, 5 + 1 + 1});
        for (Map.Entry<Urgency, int[]> row : table.entrySet()) {
            int[] hops = row.getValue();
            Instant now = env.clock.instant();
            LocalDate today = now.atZone(KazakhstanCalendar.ZONE).toLocalDate();
            SubmitAck ack =
                    submit("hkko", "hkko", "ID_DOCUMENT", passport(Persona.CLEAN, row.getKey()), "hkko-operator");
            // Each stage taking its whole term, one after another: the sum of the hops.
            LocalDate reception = now.plus(Duration.ofMinutes(60))
                    .atZone(KazakhstanCalendar.ZONE)
                    .toLocalDate();
            Instant sum =
                    closeOf(calendar.plusWorkingDays(calendar.plusWorkingDays(reception, hops[0]), hops[1]), hops[2]);
            Instant due = at(ack.getDueAt());
            assertFalse(due.isBefore(sum), row.getKey() + ": due " + due + " before the hops' sum " + sum);
            assertEquals(closeOf(today, hops[0] + hops[1] + hops[2]), due, row.getKey() + ": 7 / 8 / 11 / 17 wd");
            Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
            Map<String, CaseStep> steps = steps(done);
            assertStageTerm(steps.get("WANTED_CHECK"), hops[0], row.getKey());
            assertStageTerm(steps.get("DOCUMENT_MANUFACTURE"), hops[1], row.getKey());
            assertStageTerm(steps.get("DOCUMENT_ISSUE"), hops[2], row.getKey());
            assertFalse(done.getOverdue());
            // §7: a paper passport is handed out where the application was made, not in a cabinet.
            StatusMessage approved = done.getHistory(done.getHistoryCount() - 1);
            assertTrue(approved.getTextRu().contains("ЦОНе, где подано заявление"), approved.getTextRu());
            assertFalse(approved.getTextRu().contains("личном кабинете"), approved.getTextRu());
            assertTrue(approved.getTextKk().contains("халыққа қызмет көрсету орталығынан"), approved.getTextKk());
        }
    }

    private void assertStageTerm(CaseStep step, int workingDays, Urgency urgency) {
        LocalDate started =
                at(step.getStartedAt()).atZone(KazakhstanCalendar.ZONE).toLocalDate();
        assertEquals(closeOf(started, workingDays), at(step.getDueAt()), urgency + " " + step.getName());
    }

    @Test
    @Order(7)
    @DisplayName("004 annex 1 §7: applied through the portal, the document is handed out by the provider")
    void documentAppliedForThroughThePortalIsHandedOutByThePolice() {
        SubmitAck ack = submit(
                "egov-portal-as:" + Persona.CLEAN.iin().value(),
                "egov-portal",
                "ID_DOCUMENT",
                passport(Persona.CLEAN, Urgency.URGENCY_GENERAL).toBuilder()
                        .setReason(IssueReason.ISSUE_REASON_DOCUMENT_TYPE_CHANGED)
                        .build(),
                Persona.CLEAN.key());
        Case done = env.awaitState("egov-portal-as:" + Persona.CLEAN.iin().value(), ack.getCaseId(), "APPROVED");
        StatusMessage approved = done.getHistory(done.getHistoryCount() - 1);
        assertTrue(approved.getTextRu().contains("миграционной службе управления полиции"), approved.getTextRu());
        assertTrue(approved.getTextKk().contains("полиция басқармасының көші-қон қызметінен"), approved.getTextKk());
        // A reason the portal may not take is refused without naming an enum to the citizen.
        Refusals.Refused r = Refusals.read(assertThrows(
                StatusRuntimeException.class,
                () -> env.submit(
                        "egov-portal",
                        "ID_DOCUMENT",
                        passport(Persona.CLEAN, Urgency.URGENCY_GENERAL).toBuilder()
                                .setReason(IssueReason.ISSUE_REASON_LOST)
                                .build(),
                        Persona.CLEAN.key())));
        assertEquals("PORTAL_REASON_NOT_ACCEPTED", r.reason());
        assertFalse(r.kazakh().contains("ISSUE_REASON") || r.russian().contains("ISSUE_REASON"), r.description());
    }

    @Test
    @Order(8)
    @DisplayName("004 annex 2 table 2 #3: the temporary ID is handed out by the State Corporation")
    void temporaryIdIsHandedOutByTheStateCorporation() {
        SubmitAck ack = submit(
                "hkko",
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder()
                        .setIin(Persona.COURT_DEBTOR.iin().value())
                        .setReason("паспорт на замене")
                        .build(),
                "hkko-operator");
        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        StatusMessage approved = done.getHistory(done.getHistoryCount() - 1);
        assertTrue(approved.getTextRu().contains("Временное удостоверение получите в ЦОНе"), approved.getTextRu());
    }

    // --------------------------------------------------------------------- 11.5 and 11.10

    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern BARE_DEYIN = Pattern.compile("\\d дейін");
    private static final Pattern SEED_NUMBER = Pattern.compile("\\(00\\d[,)]");
    private static final List<String> JARGON =
            List.of("ҚСжАЕК", "КПСиСУ", "КМС", "ИПЦ", "ІІД", "ДВД", "ДКНБ", "ведомств");

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("11.5 / 11.10: no message of these cases invites a complaint where no term was broken; the texts "
            + "are short, in plain words, with «-ға дейін» and a reference that can be read out")
    void everyMessageOfTheseCasesIsPlainShortAndInvitesNoComplaintWithoutABrokenTerm() {
        assertTrue(opened.size() >= 10, "the other tests ran first: " + opened.size());
        for (Map.Entry<String, String> e : opened.entrySet()) {
            Case c = env.caseOf(e.getValue(), e.getKey());
            String reference = CaseReference.of(c.getCaseId());
            assertEquals(reference, c.getDisplayReference());
            assertTrue(reference.matches("\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), reference);
            assertTrue(
                    c.getHistory(0).getTextKk().contains("іс № " + reference),
                    c.getHistory(0).getTextKk());
            assertTrue(
                    c.getHistory(0).getTextRu().contains("дело № " + reference),
                    c.getHistory(0).getTextRu());
            for (StatusMessage m : c.getHistoryList()) {
                for (String text : List.of(m.getTextKk(), m.getTextRu())) {
                    boolean complaint = text.contains("шағым") || text.contains("обжал");
                    boolean termBroken = m.getStatus().equals("STEP_OVERDUE");
                    boolean decision = m.getStatus().equals("REFUSED");
                    assertTrue(!complaint || termBroken || decision, m.getStatus() + " invites a complaint: " + text);
                    assertFalse(ENUM_NAME.matcher(text).find(), "an enum name: " + text);
                    assertFalse(BARE_DEYIN.matcher(text).find(), "«дейін» without the dative: " + text);
                    assertFalse(SEED_NUMBER.matcher(text).find(), "a seed file number: " + text);
                    for (String word : JARGON) {
                        assertFalse(text.contains(word), "«" + word + "»: " + text);
                    }
                    // Short: a refusal quotes the agency's ground, which may be long itself.
                    int limit = decision ? 700 : 400;
                    assertTrue(text.length() <= limit, text.length() + " characters: " + text);
                }
            }
        }
    }
}
