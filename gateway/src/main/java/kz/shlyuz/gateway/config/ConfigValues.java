package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Period;
import java.util.function.Function;

/** Reading single values of the configuration file, with errors that name the key and what is expected. */
final class ConfigValues {
    private ConfigValues() {}

    /** The field's text, or {@code fallback} when it is absent or null. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /**
     * An ISO-8601 duration, or {@code fallback} when the field is absent or null.
     *
     * @param parent how the error names the field's parent key, with its trailing dot (e.g.
     *     {@code "ops.health."}), or empty
     * @param example a valid value for the error message, e.g. {@code PT5S}
     */
    static Duration duration(JsonNode node, String parent, String field, Duration fallback, String example) {
        return parsed(node, parent, field, fallback, "duration", example, Duration::parse);
    }

    /** An ISO-8601 period such as {@code P10Y}, or {@code fallback}; the parameters as for {@link #duration}. */
    static Period period(JsonNode node, String parent, String field, Period fallback, String example) {
        return parsed(node, parent, field, fallback, "period", example, Period::parse);
    }

    private static <T> T parsed(
            JsonNode node,
            String parent,
            String field,
            T fallback,
            String kind,
            String example,
            Function<String, T> parse) {
        String value = text(node, field, null);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    parent + field + ": " + value + " (expected: ISO-8601 " + kind + " such as " + example + ")", e);
        }
    }
}
