package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.UUID;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator's resend and stop of an agency call (issue 14), on a real (in-memory H2) case store:
 * a given-up call goes out again and its case goes on; a stopped one fails its step with
 * DELIVERY_STOPPED and the case decides without it; neither touches a row that is not waiting.
 */
class DeliveryControlTest {
    private static final Instant START = Instant.parse("2026-11-20T04:00:00Z");
    private static final String OWNER = "node-a";

    private final AdjustableClock clock = new AdjustableClock(START);
    private final AdjustableClock wall = new AdjustableClock(START);
    private HikariDataSource db;
    private ProcessEngine engine;

    @BeforeEach
    void open() {
        db = JournalDatabase.open(new GatewayConfig.JournalSettings(
                "jdbc:h2:mem:delivery-control-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "shlyuz", "", 4));
        engine = new ProcessEngine(
                db,
                Services.standard(),
                clock,
                new KazakhstanCalendar(),
                new RetryPolicy(1, RetryPolicy.Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(1))),
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

    private long outboxId(String caseId, String step) throws SQLException {
        return Long.parseLong(one("SELECT id FROM outbox WHERE case_id = ? AND step_name = ?", caseId, step));
    }

    @Test
    void resendsAGivenUpCallNowWithFreshAttemptsAndTheCaseGoesOnWithItsAnswer() throws Exception {
        String caseId = submitExit().getCaseId();
        String step = "EXIT_RESTRICTION_CHECK";
        // The stage's other step (the questionnaire's documents, 002 §3.6) answers; this one is given up.
        OutboxItem first = null;
        for (OutboxItem call : due(caseId, OutboxKind.CALL)) {
            if (call.stepName().equals(step)) {
                first = call;
            } else {
                engine.complete(call, OWNER, new StepResult.Clear());
            }
        }
        engine.retryLater(first, OWNER, "AGENCY_UNAVAILABLE migration");
        assertEquals(
                "UNDELIVERED", one("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        long id = outboxId(caseId, step);

        assertTrue(engine.resendDelivery(id));
        assertEquals("PENDING", one("SELECT state FROM outbox WHERE id = ?", id));
        assertEquals("0", one("SELECT attempts FROM outbox WHERE id = ?", id));
        assertEquals(
                "PENDING", one("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        engine.complete(dueCall(caseId, step), OWNER, new StepResult.Clear());
        assertEquals("CLEAR", one("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        assertTrue(
                Integer.parseInt(one("SELECT COUNT(*) FROM process_step WHERE case_id = ? AND stage = 1", caseId)) > 0,
                "the next stage's steps were opened");
        assertFalse(engine.resendDelivery(id), "a done row is not sent again");
    }

    @Test
    void stopsAGivenUpCallForGoodItsStepFailsWithDeliveryStoppedAndTheCaseDecides() throws Exception {
        String caseId = submitExit().getCaseId();
        String step = "EXIT_RESTRICTION_CHECK";
        engine.retryLater(dueCall(caseId, step), OWNER, "AGENCY_UNAVAILABLE migration");
        long id = outboxId(caseId, step);

        assertTrue(engine.stopDelivery(id));
        assertEquals("CANCELLED", one("SELECT state FROM outbox WHERE id = ?", id));
        assertEquals("FAILED", one("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        assertEquals(
                DeliveryControl.STOPPED_CODE,
                one("SELECT result_code FROM process_step WHERE case_id = ? AND step_name = ?", caseId, step));
        assertFalse(engine.stopDelivery(id), "a stopped row is not stopped twice");
        assertFalse(engine.resendDelivery(id), "nor sent again");
        assertFalse(engine.resendDelivery(-1), "an unknown row is no delivery");
    }
}
