package kz.shlyuz.adapters.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a fixture file that knows where it is, so a bad value is reported as
 * {@code fixtures/gbd-fl.json: persons.aidar-clean.address.kato: 7511 (expected: 9 digits)}.
 */
public final class FixtureNode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode node;
    private final String source;
    private final String path;

    private FixtureNode(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
    }

    /** Parses fixture JSON; {@code source} names it in error messages. */
    public static FixtureNode parse(String json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new FixtureException(source + ": (expected: a JSON object)");
            }
            return new FixtureNode(root, source, "");
        } catch (JsonProcessingException e) {
            throw new FixtureException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A required object field. */
    public FixtureNode object(String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isObject()) {
            throw fail(field, describe(child), "an object");
        }
        return child(child, field);
    }

    /** The fields of an object field, in file order; an absent field reads as no entries. */
    public Map<String, FixtureNode> entries(String field) {
        JsonNode child = node.get(field);
        if (child == null) {
            return Map.of();
        }
        if (!child.isObject()) {
            throw fail(field, describe(child), "an object");
        }
        return child(child, field).entries();
    }

    /** The fields of this object, in file order. */
    public Map<String, FixtureNode> entries() {
        Map<String, FixtureNode> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> entries.put(e.getKey(), child(e.getValue(), e.getKey())));
        return entries;
    }

    /** The elements of an array field; an absent field reads as empty. */
    public List<FixtureNode> array(String field) {
        JsonNode child = node.get(field);
        if (child == null) {
            return List.of();
        }
        if (!child.isArray()) {
            throw fail(field, describe(child), "an array");
        }
        List<FixtureNode> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            items.add(child(child.get(i), field + "[" + i + "]"));
        }
        return items;
    }

    /** An array field holding this node's elements, when the node itself is an array. */
    public List<FixtureNode> elements() {
        if (!node.isArray()) {
            throw new FixtureException(source + ": " + path + ": " + describe(node) + " (expected: an array)");
        }
        List<FixtureNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new FixtureNode(node.get(i), source, path + "[" + i + "]"));
        }
        return items;
    }

    /** This node as non-blank text, when it is an element of an array of texts. */
    public String textValue() {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new FixtureException(source + ": " + path + ": " + describe(node) + " (expected: non-blank text)");
        }
        return node.asText();
    }

    /** A required, non-blank text field. */
    public String text(String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isTextual() || child.asText().isBlank()) {
            throw fail(field, describe(child), "non-blank text");
        }
        return child.asText();
    }

    /** An optional text field; empty when absent. */
    public String optionalText(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return "";
        }
        if (!child.isTextual()) {
            throw fail(field, describe(child), "text");
        }
        return child.asText();
    }

    /** A required text field matching {@code regex}; {@code expected} says what it should be. */
    public String text(String field, String regex, String expected) {
        String value = text(field);
        if (!value.matches(regex)) {
            throw fail(field, quoted(value), expected);
        }
        return value;
    }

    /** A required ISO-8601 date ({@code 2016-08-19}). */
    public LocalDate date(String field) {
        String value = text(field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(field, quoted(value), "an ISO date such as 2016-08-19");
        }
    }

    /** An optional ISO-8601 date. */
    public Optional<LocalDate> optionalDate(String field) {
        return node.hasNonNull(field) ? Optional.of(date(field)) : Optional.empty();
    }

    /** A required ISO-8601 instant ({@code 2026-10-02T09:15:00Z}). */
    public Instant instant(String field) {
        String value = text(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(field, quoted(value), "an ISO instant such as 2026-10-02T09:15:00Z");
        }
    }

    /**
     * A protobuf enum value written without its prefix: {@code "PASSPORT"} for
     * {@code DOCUMENT_KIND_PASSPORT}. The zero ("UNSPECIFIED") value is not accepted.
     */
    public <E extends Enum<E>> E protoEnum(String field, Class<E> type, String prefix) {
        String value = text(field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(prefix + value) && !value.equals("UNSPECIFIED")) {
                return constant;
            }
        }
        throw fail(field, quoted(value), "one of the " + type.getSimpleName() + " values without the prefix " + prefix);
    }

    /** Where this node is, for messages about values derived from it. */
    public String location() {
        return source + ": " + (path.isEmpty() ? "(root)" : path);
    }

    /** A failure about this node as a whole, e.g. an unknown key. */
    public FixtureException failure(String problem) {
        return new FixtureException(location() + ": " + problem);
    }

    private FixtureNode child(JsonNode child, String field) {
        return new FixtureNode(child, source, path.isEmpty() ? field : path + "." + field);
    }

    private FixtureException fail(String field, String found, String expected) {
        String where = path.isEmpty() ? field : path + "." + field;
        return new FixtureException(source + ": " + where + ": " + found + " (expected: " + expected + ")");
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return value.isTextual()
                ? quoted(value.asText())
                : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
