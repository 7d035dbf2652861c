package kz.shlyuz.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/CONFIGURATION.md has a row for every key of the shipped configuration, so the page cannot fall behind it. */
class ConfigurationDocumentTest {
    private static final Path DOC = Path.of("../docs/CONFIGURATION.md");

    @Test
    void everyShippedKeyIsDocumented() throws IOException {
        JsonNode shipped;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.json")) {
            shipped = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String key : keys(shipped, "")) {
            if (!doc.contains("| `" + key + "` |")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "keys of defaults.json without a row in " + DOC);
    }

    /** Leaf keys, with a sender's id and a service id written as {@code <id>}, as the page names them. */
    private static List<String> keys(JsonNode node, String path) {
        List<String> keys = new ArrayList<>();
        if (!node.isObject()) {
            keys.add(path);
            return keys;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("_")) {
                continue;
            }
            boolean byId = path.equals("senders") || path.equals("evidence.retention.services");
            String name = byId ? "<id>" : field.getKey();
            for (String key : keys(field.getValue(), path.isEmpty() ? name : path + "." + name)) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
