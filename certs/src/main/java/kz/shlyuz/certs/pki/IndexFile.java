package kz.shlyuz.certs.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code index.json}, the contract other systems and scripts rely on:
 * {@code {"identities":[{"name","role","iin"?,"bin"?,"system"?,"algorithm","cert","key","p12"}]}},
 * paths relative to the PKI folder, absent optional fields omitted.
 */
final class IndexFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IndexFile() {}

    static void write(PkiLayout layout, List<Identity> identities) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("identities");
        for (Identity identity : identities) {
            ObjectNode node = array.addObject();
            node.put("name", identity.name());
            node.put("role", identity.role().json());
            putIfPresent(node, "iin", identity.iin());
            putIfPresent(node, "bin", identity.bin());
            putIfPresent(node, "system", identity.system());
            node.put("algorithm", identity.algorithm());
            node.put("cert", layout.relative(identity.cert()));
            node.put("key", layout.relative(identity.key()));
            node.put("p12", layout.relative(identity.p12()));
        }
        try {
            PkiFiles.writeAtomically(layout.index(), JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + layout.index(), e);
        }
    }

    static List<Identity> read(PkiLayout layout) {
        JsonNode root;
        try {
            root = JSON.readTree(layout.index().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.index(), e);
        }
        JsonNode array = root == null ? null : root.get("identities");
        if (array == null || !array.isArray()) {
            throw new IllegalStateException(layout.index() + ": no \"identities\" array");
        }
        List<Identity> identities = new ArrayList<>();
        for (JsonNode node : array) {
            identities.add(new Identity(
                    required(layout, node, "name"),
                    Role.ofJson(required(layout, node, "role")),
                    optional(node, "iin"),
                    optional(node, "bin"),
                    optional(node, "system"),
                    required(layout, node, "algorithm"),
                    layout.resolve(required(layout, node, "cert")),
                    layout.resolve(required(layout, node, "key")),
                    layout.resolve(required(layout, node, "p12"))));
        }
        return identities;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String required(PkiLayout layout, JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalStateException(
                    layout.index() + ": an identity has no \"" + field + "\": " + node.path("name"));
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
