package kz.shlyuz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code --scenario evidence-cost} for about a second: both gateway JVMs (evidence full and
 * metadata) answer every countersigned and batch-sealed call, and the printout has a row with
 * figures for each, the differences, and the bytes per message — bodies kept in full, none in
 * metadata mode.
 */
class EvidenceCostSmokeTest {
    private static final String NUMBER = "([-+]?[0-9]+(?:\\.[0-9]+)?)";

    @Test
    void printsFullBesideMetadataForBothAnswerFormsWithBytesPerMessage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options = new BenchOptions(
                "evidence-cost", 2, Duration.ofMillis(800), Duration.ofMillis(200), 5_000, false, false, 1);
        List<Row> rows = Bench.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(
                List.of(Role.SHLYUZ, Role.SHLYUZ, Role.SHLYUZ_SEALED, Role.SHLYUZ_SEALED),
                rows.stream().map(Row::role).toList(),
                out);
        rows.forEach(r -> assertTrue(r.stats().ok() > 0 && r.stats().errors() == 0, r + "\n" + out));
        for (String label : List.of(
                "evidence full, countersigned",
                "evidence metadata, countersigned",
                "evidence full, batch seal",
                "evidence metadata, batch seal")) {
            Matcher row = Pattern.compile(
                            "\n  " + Pattern.quote(label) + " +" + NUMBER + " req/s +" + NUMBER + " ms CPU/call")
                    .matcher(out);
            assertTrue(row.find(), label + "\n" + out);
            assertTrue(
                    Double.parseDouble(row.group(1)) > 0 && Double.parseDouble(row.group(2)) > 0, label + "\n" + out);
        }
        for (String form : List.of("countersigned", "batch seal")) {
            assertTrue(
                    Pattern.compile("\n  " + form + ": difference +" + NUMBER + " % CPU per call")
                            .matcher(out)
                            .find(),
                    form + "\n" + out);
        }
        double fullBodies = bodiesPerRecord(out, "evidence full");
        double metadataBodies = bodiesPerRecord(out, "evidence metadata");
        // A full record holds the signed request, its CMS, the signed answer and an OCSP response: kilobytes.
        assertTrue(fullBodies > 1000, out);
        assertEquals(0, metadataBodies, out);
    }

    private static double bodiesPerRecord(String out, String label) {
        Matcher m = Pattern.compile("\n  " + Pattern.quote(label) + " +" + NUMBER + " B evidence bodies/record +"
                        + NUMBER + " B H2 file growth/record +\\(([0-9]+) records")
                .matcher(out);
        assertTrue(m.find(), label + "\n" + out);
        assertTrue(Long.parseLong(m.group(3)) > 0, out);
        return Double.parseDouble(m.group(1));
    }
}
