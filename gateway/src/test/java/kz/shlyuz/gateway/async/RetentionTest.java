package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.registers.Register;
import kz.shlyuz.gateway.registers.RegisterExport;
import kz.shlyuz.gateway.retention.DestructionAct;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 002 §20-21: exit case files are kept 10 years after a positive decision and 5 years after the
 * last negative one, then destroyed by a recorded act; the other services by the documented
 * default (5 years). The process clock is moved on by years.
 */
class RetentionTest {
    private static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");

    @Test
    @DisplayName("002 §20-21: an exit file is kept 10 years after a positive and 5 after the last negative decision,"
            + " then destroyed by a recorded act")
    void exitFilesAreKeptTenYearsAfterAPositiveAndFiveAfterTheLastNegativeDecisionThenDestroyedByAct()
            throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of());
                HikariDataSource db = JournalDatabase.open(env.config.journal())) {
            RecordsDb records = new RecordsDb(env.config);
            SubmitAck approved =
                    env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", RegistersTest.exit(Persona.CLEAN), "hkko-operator");
            env.awaitState("hkko", approved.getCaseId(), "APPROVED");
            SubmitAck firstRefusal = env.submit(
                    "hkko", "EXIT_PERMANENT_RESIDENCE", RegistersTest.exit(Persona.TAX_DEBTOR), "hkko-operator");
            env.awaitState("hkko", firstRefusal.getCaseId(), "REFUSED");
            SubmitAck stay = env.submit(
                    "burkit",
                    "CONSULAR_PERMANENT_STAY",
                    RegistersTest.consular(Persona.CLEAN, "N12345678"),
                    "consular-officer");
            env.awaitState("burkit", stay.getCaseId(), "APPROVED");

            // Three years on the same person applies again and is refused again: one exit file (002 §19).
            advanceYears(env, 3);
            SubmitAck lastRefusal = env.submit(
                    "hkko",
                    "EXIT_PERMANENT_RESIDENCE",
                    ExitRequests.of(Persona.TAX_DEBTOR.iin().value(), "DE", ExitRequests.day(env.clock.instant())),
                    "hkko-operator");
            env.awaitState("hkko", lastRefusal.getCaseId(), "REFUSED");

            // Five years and a day after the first refusal: only the consular case is due (the default);
            // the refused exit file waits for five years after its last refusal.
            advanceYears(env, 2);
            env.clock.advance(Duration.ofDays(1));
            DestructionAct act = env.gateway.retention().run().orElseThrow();
            assertEquals(1, act.files());
            assertEquals(List.of(stay.getCaseId()), caseIds(act));
            DestructionAct.Item consular = act.items().get(0);
            assertEquals("CONSULAR_PERMANENT_STAY", consular.serviceId());
            assertEquals("APPROVED", consular.outcome());
            assertTrue(consular.rule().startsWith("P5Y after a positive decision (seed silent"), consular.rule());
            assertEquals("consular-journal #1", consular.registerRef());
            assertGone(env, records, stay.getCaseId(), "burkit");
            assertEquals("REFUSED", records.state(firstRefusal.getCaseId()), "kept with the later refusal");
            assertTrue(env.gateway.retention().run().isEmpty(), "nothing else is due: no empty act");

            // Five years and a day after the last refusal the whole file goes, under a second act.
            advanceYears(env, 3);
            DestructionAct refusals = env.gateway.retention().run().orElseThrow();
            assertEquals(1, refusals.files(), "both refusals are one file");
            assertEquals(Set.of(firstRefusal.getCaseId(), lastRefusal.getCaseId()), Set.copyOf(caseIds(refusals)));
            for (DestructionAct.Item item : refusals.items()) {
                assertEquals("REFUSED", item.outcome());
                assertTrue(
                        item.rule().startsWith("P5Y after a negative decision (002 §20: 5 years after the last"),
                        item.rule());
                assertTrue(item.fileKey().startsWith("EXIT-BOOK-2"), "named by its first book number: " + item);
                assertGone(env, records, item.caseId(), "hkko");
            }
            assertEquals("APPROVED", records.state(approved.getCaseId()), "a positive decision keeps ten years");

            // Ten years and a day after the approval.
            advanceYears(env, 2);
            DestructionAct positive = env.gateway.retention().run().orElseThrow();
            assertEquals(List.of(approved.getCaseId()), caseIds(positive));
            assertTrue(
                    positive.items().get(0).rule().startsWith("P10Y after a positive decision (002 §20: 10 years"),
                    positive.items().get(0).rule());
            assertEquals("exit-cases #1", positive.items().get(0).registerRef());
            assertGone(env, records, approved.getCaseId(), "hkko");

            // The acts are kept, and the book still says what each destroyed.
            List<DestructionAct> acts = env.gateway.retention().acts();
            assertEquals(
                    List.of(positive.actNo(), refusals.actNo(), act.actNo()),
                    acts.stream().map(DestructionAct::actNo).toList());
            assertTrue(act.actNo().matches("ACT-2031-0000\\d\\d"), act.actNo());
            ByteArrayOutputStream book = new ByteArrayOutputStream();
            new RegisterExport(db, Clock.systemUTC())
                    .export(Register.EXIT_CASES, null, null, book, "-", "inspector", "after destruction");
            String csv = book.toString(StandardCharsets.UTF_8);
            assertTrue(csv.contains("дело уничтожено, акт " + positive.actNo()) && csv.contains(refusals.actNo()), csv);
            Map<String, Long> rows = Map.of(
                    "process_step", records.rows("process_step", approved.getCaseId()),
                    "outbox", records.rows("outbox", approved.getCaseId()),
                    "status_message", records.rows("status_message", approved.getCaseId()),
                    "monitoring_report", records.rows("monitoring_report", approved.getCaseId()),
                    "completion_notice", records.rows("completion_notice", approved.getCaseId()));
            assertTrue(rows.values().stream().allMatch(n -> n == 0), rows.toString());
        }
    }

    private static void advanceYears(AsyncEnvironment env, int years) {
        var now = env.clock.instant().atZone(ASTANA);
        env.clock.advanceTo(now.plus(Period.ofYears(years)).toInstant());
    }

    private static List<String> caseIds(DestructionAct act) {
        return act.items().stream().map(DestructionAct.Item::caseId).collect(Collectors.toList());
    }

    /** The case is out of the database and out of the cabinet (read through TLS). */
    private static void assertGone(AsyncEnvironment env, RecordsDb records, String caseId, String sender) {
        assertEquals(null, records.state(caseId), caseId);
        assertEquals(0, records.rows("status_message", caseId));
        List<Case> visible = env.cabinet(sender)
                .listCases(ListCasesRequest.newBuilder().setPageSize(500).build())
                .getCasesList();
        assertFalse(visible.stream().anyMatch(c -> c.getCaseId().equals(caseId)), caseId + " still listed");
    }
}
