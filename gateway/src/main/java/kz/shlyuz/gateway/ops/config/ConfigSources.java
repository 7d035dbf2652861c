package kz.shlyuz.gateway.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * Where the configuration comes from, in this order, each overriding the one before: the shipped
 * defaults ({@code defaults.json}, or the code's fallbacks for what an operator's file omits) &lt;
 * the file ({@code --config}) &lt; environment variables &lt; command-line flags (applied by the
 * command itself). Every key can be set from the environment under a name derived from its JSON
 * path: {@code SHLYUZ_} and the path's parts in upper case joined by {@code _}, with anything but
 * letters and digits dropped from a part — {@code journal.jdbcUrl} is {@code SHLYUZ_JOURNAL_JDBCURL},
 * {@code adapters.gbd-fl.address} is {@code SHLYUZ_ADAPTERS_GBDFL_ADDRESS}. Names are resolved
 * against the file and the shipped defaults, so keys added later work without changes here.
 */
public final class ConfigSources {
    static final String PREFIX = "SHLYUZ_";
    /**
     * Variables of the launcher and the test suite, not configuration keys; {@code SHLYUZ_DB_URL} is
     * {@code ./shlyuz serve}'s own (it also carries the user and password).
     */
    private static final List<String> NOT_CONFIG =
            List.of("SHLYUZ_LOG_FORMAT", "SHLYUZ_JAVA_OPTS", "SHLYUZ_TEST_", "SHLYUZ_DB_URL");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigSources() {}

    /**
     * The configuration in effect.
     *
     * @param tree the file (or shipped defaults) with the environment laid on it
     * @param applied the variables used, as {@code NAME -> json.path}
     * @param ignored {@code SHLYUZ_} variables that name no configuration key
     */
    public record Effective(GatewayConfig config, JsonNode tree, Map<String, String> applied, List<String> ignored) {}

    /**
     * Loads the effective configuration: the shipped defaults, the operator's file, then the environment.
     *
     * @param file the operator's file, or null for the shipped defaults
     * @param env the environment (System.getenv() in a real process)
     * @param dataDir the {@code --data} flag, or null
     */
    public static Effective load(Path file, Map<String, String> env, Path dataDir) {
        JsonNode defaults = ConfigLoader.defaultsTree();
        ObjectNode tree;
        if (file == null) {
            tree = defaults.deepCopy();
        } else {
            try {
                JsonNode read = JSON.readTree(Files.readAllBytes(file));
                if (!(read instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + ": expected a JSON object");
                }
                tree = object;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration " + file, e);
            }
        }
        Map<String, String> applied = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(PREFIX) || NOT_CONFIG.stream().anyMatch(name::startsWith)) {
                continue;
            }
            String[] tokens = name.substring(PREFIX.length()).split("_");
            List<String> path = resolve(tree, defaults, tokens, 0);
            if (path == null) {
                ignored.add(name);
                continue;
            }
            set(tree, defaults, path, e.getValue(), name);
            applied.put(name, String.join(".", path));
        }
        GatewayConfig config;
        try {
            config = ConfigLoader.fromTree(tree, dataDir);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                    (file == null ? "defaults" : file.toString()) + ": " + ex.getMessage(), ex);
        }
        return new Effective(config, tree, applied, ignored);
    }

    /** The environment variable for a JSON path such as {@code journal.jdbcUrl}. */
    public static String envName(String jsonPath) {
        StringBuilder out = new StringBuilder(PREFIX);
        String[] parts = jsonPath.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : "_").append(normalise(parts[i]));
        }
        return out.toString();
    }

    static String normalise(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** The JSON path the tokens name under the file's or the defaults' keys, or null. */
    private static List<String> resolve(JsonNode node, JsonNode defaults, String[] tokens, int from) {
        if (from == tokens.length) {
            return new ArrayList<>();
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode candidate : new JsonNode[] {node, defaults}) {
            if (candidate != null && candidate.isObject()) {
                candidate.fieldNames().forEachRemaining(k -> {
                    if (!k.startsWith("_") && !keys.contains(k)) {
                        keys.add(k);
                    }
                });
            }
        }
        for (String key : keys) {
            String wanted = normalise(key);
            StringBuilder joined = new StringBuilder();
            for (int to = from; to < tokens.length; to++) {
                joined.append(tokens[to]);
                if (joined.length() > wanted.length()) {
                    break;
                }
                if (joined.toString().equals(wanted)) {
                    List<String> rest = resolve(
                            node == null ? null : node.get(key),
                            defaults == null ? null : defaults.get(key),
                            tokens,
                            to + 1);
                    if (rest != null) {
                        rest.add(0, key);
                        return rest;
                    }
                }
            }
        }
        return null;
    }

    private static void set(ObjectNode tree, JsonNode defaults, List<String> path, String value, String name) {
        ObjectNode parent = tree;
        JsonNode shape = defaults;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = parent.get(path.get(i));
            shape = shape == null ? null : shape.get(path.get(i));
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(path.get(i));
            }
            parent = (ObjectNode) child;
        }
        String key = path.get(path.size() - 1);
        JsonNode existing = parent.has(key) ? parent.get(key) : shape == null ? null : shape.get(key);
        parent.set(key, typed(existing, value, name));
    }

    /** The variable's text as the kind of value the key holds. */
    private static JsonNode typed(JsonNode existing, String value, String name) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String v = value.trim();
        try {
            if (existing == null || existing.isNull() || existing.isTextual()) {
                if ((v.startsWith("[") || v.startsWith("{")) && existing != null && !existing.isTextual()) {
                    return JSON.readTree(v);
                }
                return v.equals("null") && existing != null && existing.isNull() ? f.nullNode() : f.textNode(value);
            }
            if (existing.isBoolean()) {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(name + ": " + value + " (expected: true or false)");
                }
                return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
            }
            if (existing.isIntegralNumber()) {
                return f.numberNode(Long.parseLong(v));
            }
            if (existing.isNumber()) {
                return f.numberNode(Double.parseDouble(v));
            }
            if (existing.isArray()) {
                if (v.startsWith("[")) {
                    return JSON.readTree(v);
                }
                ArrayNode array = f.arrayNode();
                for (String item : v.split(",")) {
                    if (!item.isBlank()) {
                        array.add(item.trim());
                    }
                }
                return array;
            }
            return JSON.readTree(v);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + ": " + value + " (expected the kind of value of " + "the key it sets)", e);
        }
    }

    /** Keys whose values are secrets: printed as {@code ****}. */
    static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password")
                || k.contains("secret")
                || k.contains("token")
                || k.equals("privatekey")
                || k.endsWith("apikey");
    }

    /** The effective configuration as JSON, with every secret masked. */
    public static JsonNode masked(GatewayConfig config) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new SimpleModule()
                        .addSerializer(java.time.Duration.class, ToStringSerializer.instance)
                        .addSerializer(java.net.URI.class, ToStringSerializer.instance)
                        .addSerializer(Path.class, ToStringSerializer.instance)
                        .addSerializer(java.time.Instant.class, ToStringSerializer.instance)
                        // ZoneId covers its subclasses (ZoneRegion, ZoneOffset): limits.quotaZone; Period:
                        // evidence.retention.
                        .addSerializer(java.time.ZoneId.class, ToStringSerializer.instance)
                        .addSerializer(java.time.Period.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode tree = mapper.valueToTree(config);
        mask(tree);
        return tree;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> secrets = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (secret(e.getKey())
                        && e.getValue().isTextual()
                        && !e.getValue().asText().isEmpty()) {
                    secrets.add(e.getKey());
                } else if (e.getKey().toLowerCase(Locale.ROOT).endsWith("url")
                        && e.getValue().isTextual()) {
                    object.put(e.getKey(), e.getValue().asText().replaceAll("(?i)(password=)[^;&]*", "$1****"));
                } else {
                    mask(e.getValue());
                }
            }
            secrets.forEach(k -> object.put(k, "****"));
        } else if (node instanceof ArrayNode array) {
            array.forEach(ConfigSources::mask);
        }
    }

    /** Pretty JSON for printing. */
    public static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
