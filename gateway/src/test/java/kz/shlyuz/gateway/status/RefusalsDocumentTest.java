package kz.shlyuz.gateway.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/REFUSALS.md says of every {@link Reason} what the code sends: its gRPC code, ШЭП code and
 * both messages, so the page cannot drift from the code. With {@code -Dshlyuz.docs.write=true} the
 * test rewrites the page from the code, keeping each reason's "when" (a new reason gets a TODO,
 * which fails the test until a person describes it).
 */
class RefusalsDocumentTest {
    private static final Path DOC = Path.of("../docs/REFUSALS.md");
    private static final Pattern ROW =
            Pattern.compile("^\\| `([A-Z_]+)` \\| ([A-Z_]+) \\| (SCE\\d+) \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern MESSAGES =
            Pattern.compile("^### `([A-Z_]+)`\\R\\R- kk: (.*)\\R- ru: (.*)$", Pattern.MULTILINE);
    private static final String TODO = "TODO: say when this reason is sent";

    private record Row(String code, String shep, String when) {}

    @Test
    void everyReasonIsDocumentedWithTheCodesAndMessagesItIsSentWith() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, Row> rows = rows(doc);
        if (Boolean.getBoolean("shlyuz.docs.write")) {
            doc = rewrite(doc, rows);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
            rows = rows(doc);
        }
        Map<String, String[]> messages = new LinkedHashMap<>();
        Matcher m = MESSAGES.matcher(doc);
        while (m.find()) {
            messages.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        List<String> expected = new ArrayList<>();
        for (Reason r : Reason.values()) {
            expected.add(r.name());
            Row row = rows.get(r.name());
            assertTrue(row != null, r + " has no row in " + DOC + " (run this test with -Dshlyuz.docs.write=true)");
            assertEquals(r.code().name(), row.code(), r + ": gRPC code");
            assertEquals(r.shepCode(), row.shep(), r + ": ШЭП code");
            assertTrue(!row.when().isBlank() && !row.when().contains(TODO), r + ": say in " + DOC + " when it is sent");
            String[] texts = messages.get(r.name());
            assertTrue(texts != null, r + " has no messages in " + DOC);
            assertEquals(r.kazakh("%s"), texts[0], r + ": Kazakh message");
            assertEquals(r.russian("%s"), texts[1], r + ": Russian message");
        }
        assertEquals(expected, List.copyOf(rows.keySet()), "rows of " + DOC + ", in the code's order");
        assertEquals(expected, List.copyOf(messages.keySet()), "messages of " + DOC + ", in the code's order");
    }

    private static Map<String, Row> rows(String doc) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            rows.put(m.group(1), new Row(m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }

    /** The page with its table and messages generated from the code; the text before the table is kept. */
    private static String rewrite(String doc, Map<String, Row> rows) {
        int table = doc.indexOf("| reason | gRPC code | ШЭП | when |");
        StringBuilder out = new StringBuilder(doc.substring(0, table));
        out.append("| reason | gRPC code | ШЭП | when |\n|---|---|---|---|\n");
        for (Reason r : Reason.values()) {
            Row row = rows.get(r.name());
            out.append("| `")
                    .append(r.name())
                    .append("` | ")
                    .append(r.code().name())
                    .append(" | ")
                    .append(r.shepCode())
                    .append(" | ")
                    .append(row == null ? TODO : row.when())
                    .append(" |\n");
        }
        out.append("\n## Messages\n\n");
        for (Reason r : Reason.values()) {
            out.append("### `")
                    .append(r.name())
                    .append("`\n\n- kk: ")
                    .append(r.kazakh("%s"))
                    .append("\n- ru: ")
                    .append(r.russian("%s"))
                    .append("\n\n");
        }
        return out.toString();
    }
}
