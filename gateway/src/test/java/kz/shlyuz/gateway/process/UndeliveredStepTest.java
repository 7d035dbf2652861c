package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.ops.metrics.GatewayMetrics;
import kz.shlyuz.gateway.ops.metrics.StoreGauges;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy's maximum on a real (in-memory H2) case store: a step whose agency stays
 * unreachable is retried with backoff, then given up as UNDELIVERED with its outbox row FAILED,
 * visibly, and the case waits instead of deciding without the answer.
 */
class UndeliveredStepTest {
    private static final Instant START = Instant.parse("2026-11-20T04:00:00Z");
    private static final String OWNER = "node-a";

    private final AdjustableClock clock = new AdjustableClock(START);
    private final AdjustableClock wall = new AdjustableClock(START);
    private HikariDataSource db;
    private ProcessEngine engine;

    @BeforeEach
    void open() {
        db = JournalDatabase.open(new GatewayConfig.JournalSettings(
                "jdbc:h2:mem:undelivered-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "shlyuz", "", 4));
        engine = new ProcessEngine(
                db,
                Services.standard(),
                clock,
                new KazakhstanCalendar(),
                new RetryPolicy(3, RetryPolicy.Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(1))),
                wall,
                new Random(11));
    }

    @AfterEach
    void close() {
        engine.close();
        db.close();
    }

    private SubmitAck submitExit() {
        ExitPermanentResidenceRequest body = ExitPermanentResidenceRequest.newBuilder()
                .setIin("860101300123")
                .setDestinationCountry("DE")
                .build();
        RequestContent content = RequestContent.newBuilder()
                .setMessageId("m-" + UUID.randomUUID())
                .setServiceId("EXIT_PERMANENT_RESIDENCE")
                .setBody(Any.pack(body))
                .build();
        SignedRequest signed = SignedRequest.newBuilder()
                .setContent(content.toByteString())
                .setSignature(ByteString.copyFromUtf8("not checked here"))
                .build();
        return engine.submit(new AdmittedRequest(
                "hkko",
                signed,
                content,
                Services.standard().find("EXIT_PERMANENT_RESIDENCE").orElseThrow(),
                body,
                List.of(),
                "sha-" + content.getMessageId()));
    }

    /** The due rows of {@code kind} for the case, leased now. */
    private List<OutboxItem> due(String caseId, OutboxKind kind) {
        List<OutboxItem> items = new ArrayList<>();
        for (OutboxItem item : engine.lease(OWNER, Duration.ofSeconds(30), 100)) {
            if (item.caseId().equals(caseId) && item.kind() == kind) {
                items.add(item);
            }
        }
        return items;
    }

    private OutboxItem dueCall(String caseId, String step) {
        List<OutboxItem> calls = due(caseId, OutboxKind.CALL).stream()
                .filter(i -> i.stepName().equals(step))
                .toList();
        assertEquals(1, calls.size(), "one due call of " + step + ": " + calls);
        return calls.get(0);
    }

    private String one(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aStepWhoseAgencyStaysDownIsRetriedWithBackoffThenUndeliveredVisiblyAndTheCaseWaits() throws Exception {
        String caseId = submitExit().getCaseId();
        String step = "EXIT_RESTRICTION_CHECK";
        // The stage's other step (the questionnaire's documents, 002 §3.6) answers; this one cannot be delivered.
        OutboxItem first = null;
        for (OutboxItem call : due(caseId, OutboxKind.CALL)) {
            if (call.stepName().equals(step)) {
                first = call;
            } else {
                engine.complete(call, OWNER, new StepResult.Clear());
            }
        }

        assertEquals(
                new RetryPolicy.Next.RetryAfter(Duration.ofSeconds(2)),
                engine.retryLater(first, OWNER, "AGENCY_UNAVAILABLE migration"));
        assertEquals(List.of(), due(caseId, OutboxKind.CALL), "not due again before its backoff");
        clock.advance(Duration.ofSeconds(2));
        OutboxItem second = dueCall(caseId, step);
        assertEquals(1, second.attempts());
        assertEquals(
                new RetryPolicy.Next.RetryAfter(Duration.ofSeconds(4)),
                engine.retryLater(second, OWNER, "AGENCY_TIMEOUT migration"));
        clock.advance(Duration.ofSeconds(4));
        assertEquals(
                new RetryPolicy.Next.GiveUp(3),
                engine.retryLater(dueCall(caseId, step), OWNER, "AGENCY_UNAVAILABLE migration"));

        assertEquals("FAILED", one("SELECT state FROM outbox WHERE case_id = ? AND step_name = ?", caseId, step));
        assertEquals("3", one("SELECT attempts FROM outbox WHERE case_id = ? AND step_name = ?", caseId, step));
        assertEquals(
                "AGENCY_UNAVAILABLE migration",
                one("SELECT last_error FROM outbox WHERE case_id = ? AND step_name = ?", caseId, step));
        assertEquals(
                "UNDELIVERED", one("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        String ru = one("SELECT text_ru FROM status_message WHERE case_id = ? AND status = 'STEP_UNDELIVERED'", caseId);
        assertTrue(ru != null && ru.contains("попыток: 3") && ru.contains("Операторы системы оповещены"), ru);
        String kk = one("SELECT text_kk FROM status_message WHERE case_id = ? AND status = 'STEP_UNDELIVERED'", caseId);
        assertTrue(kk != null && kk.contains("3 рет жіберілді"), kk);

        try (GatewayMetrics metrics = new GatewayMetrics(Services.standard().ids(), Set.of("hkko"), true)) {
            new StoreGauges(metrics, db, clock).run();
            assertEquals(
                    1.0, metrics.registry().get("shlyuz.outbox.failed").gauge().value(), "operators see it");
        }

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), due(caseId, OutboxKind.CALL), "a given-up row is not leased again");
        assertEquals("IN_PROGRESS", one("SELECT state FROM process_case WHERE case_id = ?", caseId));
        assertEquals(
                "0",
                one("SELECT COUNT(*) FROM process_step WHERE case_id = ? AND stage = 1", caseId),
                "the stage waits for the undelivered step");

        // Past the step's term the applicant is told it is late, as for any unanswered step.
        clock.advance(Duration.ofDays(8));
        for (OutboxItem timer : due(caseId, OutboxKind.OVERDUE)) {
            engine.fire(timer, OWNER);
        }
        assertEquals(
                "1", one("SELECT COUNT(*) FROM status_message WHERE case_id = ? AND status = 'STEP_OVERDUE'", caseId));
    }

    @Test
    void anUndeliveredOptionalStepIsStillPassedOverAtItsTermAndTheStageGoesOn() throws Exception {
        String caseId = submitExit().getCaseId();
        for (OutboxItem call : due(caseId, OutboxKind.CALL)) { // stage 1 answers
            engine.complete(call, OWNER, new StepResult.Clear());
        }
        // Stage 2: the four required checks answer; ҰҚК (optional) cannot be reached at all.
        OutboxItem knb = null;
        for (OutboxItem call : due(caseId, OutboxKind.CALL)) {
            if (call.stepName().equals("STATE_SECRETS_CHECK")) {
                knb = call;
            } else {
                engine.complete(call, OWNER, new StepResult.Clear());
            }
        }
        engine.retryLater(knb, OWNER, "AGENCY_UNAVAILABLE knb");
        for (int attempt = 2; attempt <= 3; attempt++) {
            clock.advance(Duration.ofMinutes(1));
            engine.retryLater(dueCall(caseId, "STATE_SECRETS_CHECK"), OWNER, "AGENCY_UNAVAILABLE knb");
        }
        assertEquals(
                "UNDELIVERED",
                one(
                        "SELECT state FROM process_step WHERE case_id = ? AND step_name = ?",
                        caseId,
                        "STATE_SECRETS_CHECK"));

        clock.advance(Duration.ofDays(13)); // past the 2 + 10 days of 000 table 1
        List<OutboxItem> deadlines = due(caseId, OutboxKind.DEADLINE);
        assertEquals(
                List.of("DEADLINE:STATE_SECRETS_CHECK"),
                deadlines.stream().map(OutboxItem::stepName).toList());
        engine.fire(deadlines.get(0), OWNER);

        assertEquals(
                "SKIPPED",
                one(
                        "SELECT state FROM process_step WHERE case_id = ? AND step_name = ?",
                        caseId,
                        "STATE_SECRETS_CHECK"));
        assertEquals(
                "EXIT_PERMIT_ISSUE",
                one("SELECT step_name FROM process_step WHERE case_id = ? AND stage = 2", caseId),
                "the next stage started");
        assertEquals(
                "1",
                one("SELECT COUNT(*) FROM status_message WHERE case_id = ? AND status = 'STEP_PASSED_OVER'", caseId));
    }
}
