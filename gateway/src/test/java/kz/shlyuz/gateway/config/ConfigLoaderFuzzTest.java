package kz.shlyuz.gateway.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The configuration loader on any JSON (and on the shipped defaults with one value replaced by
 * fuzzed JSON): it loads, or refuses with an {@link IllegalArgumentException} naming the field.
 */
public class ConfigLoaderFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of("target", "fuzz-config-data");
    private static ObjectNode defaults;

    private static synchronized ObjectNode defaults() throws IOException {
        if (defaults == null) {
            try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.json")) {
                defaults = (ObjectNode) JSON.readTree(in);
            }
        }
        return defaults;
    }

    @FuzzTest(maxDuration = "5m")
    public void loadsOrNamesTheBadField(FuzzedDataProvider data) throws IOException {
        JsonNode root;
        try {
            if (data.consumeBoolean()) {
                ObjectNode copy = defaults().deepCopy();
                String section = data.pickValue(new String[] {
                    "listen", "limits", "journal", "identity", "senders", "adapters", "trust", "holderRoles", "bounds"
                });
                JsonNode value = JSON.readTree(data.consumeString(200));
                if (data.consumeBoolean() && copy.get(section) instanceof ObjectNode object) {
                    object.set(data.consumeString(24), value);
                } else {
                    copy.set(section, value);
                }
                root = copy;
            } else {
                root = JSON.readTree(data.consumeRemainingAsBytes());
            }
        } catch (IOException notJson) {
            // What ConfigLoader.load reports as "cannot read configuration" (the first finding:
            // a truncated UTF-32 text is a CharConversionException, not a JsonProcessingException).
            return;
        }
        if (root == null) {
            return;
        }
        try {
            ConfigLoader.parse(root, DATA);
        } catch (IllegalArgumentException refused) {
            // the one outcome a bad configuration may have
        }
    }
}
