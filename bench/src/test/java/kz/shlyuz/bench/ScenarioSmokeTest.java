package kz.shlyuz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The async scenarios, each for about a second of load at low concurrency against the real
 * gateway JVM and adapters (nginx skipped to keep it short; BenchSmokeTest covers it). sync-gost
 * differs from sync-rsa only in the citizen's key and is left to the full run, to keep the suite
 * short (each scenario generates a dev PKI and starts a gateway JVM).
 */
class ScenarioSmokeTest {

    private static String run(String scenario, int concurrency, List<Row> rowsOut) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options = new BenchOptions(
                scenario, concurrency, Duration.ofMillis(800), Duration.ofMillis(200), 5_000, false, false, 1);
        rowsOut.addAll(Bench.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asyncSubmitAcknowledgesDurablyAndSaysWhatTheBaselineIs() throws Exception {
        List<Row> rows = new java.util.ArrayList<>();
        String out = run("async-submit", 2, rows);
        assertEquals(
                List.of(Role.DIRECT, Role.SHLYUZ), rows.stream().map(Row::role).toList(), out);
        rows.forEach(r -> assertTrue(r.stats().ok() > 0 && r.stats().errors() == 0, r + "\n" + out));
        assertTrue(out.contains("\n(a) adapter mvd-docs direct (issue) "), out);
        assertTrue(out.contains("\n(c) Shlyuz Gateway/Submit (durable ack) "), out);
        assertTrue(out.contains("baseline (a)/(b): the mvd-docs TEMPORARY_ID_ISSUE call"), out);
        // Every acknowledged case ran to its end, and the table says so.
        assertTrue(out.contains(" of them finished (all)"), out);
        assertTrue(out.contains("(c) cases finished during the measured (c) phases: "), out);
    }

    @Test
    void cabinetFanOutDeliversEveryStatusMessageToEveryStreamOfItsCitizen() throws Exception {
        List<Row> rows = new java.util.ArrayList<>();
        String out = run("cabinet-fanout", 1, rows);
        assertEquals(2, rows.size(), out);
        Row submits = rows.get(0);
        Row deliveries = rows.get(1);
        assertTrue(submits.stats().ok() > 0 && submits.stats().errors() == 0, out);
        assertEquals(0, deliveries.stats().errors(), out);
        // 16 streams over 8 citizens: each case's ACCEPTED and final message reach both streams of its citizen.
        assertTrue(deliveries.stats().ok() >= 2 * submits.stats().ok(), out);
        assertTrue(out.contains("\n(c) WatchStatus delivered (16 streams) "), out);
        assertTrue(out.contains("every stream of a citizen received the same messages: yes"), out);
    }

    @Test
    void unknownScenarioIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.select("sync-dsa"));
        assertTrue(
                e.getMessage().contains("sync-rsa")
                        && e.getMessage().contains("cabinet-fanout")
                        && e.getMessage().contains("all"),
                e.getMessage());
        assertEquals(4, Scenarios.select("all").size());
    }
}
