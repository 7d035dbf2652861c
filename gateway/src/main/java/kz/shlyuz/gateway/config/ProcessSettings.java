package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How cases run: the configuration's {@code process} object. Every part may be omitted.
 *
 * @param retry how an outbox call whose agency cannot be reached is tried again
 * @param calendarFile a file of calendar years ({@code process.calendarFile}) that adds to or
 *     replaces years of the table shipped in the jar — next year's Government resolution without a
 *     release; null: the shipped table alone
 */
public record ProcessSettings(Retry retry, Path calendarFile) {

    public ProcessSettings {
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * The retry policy's settings ({@code process.retry}); the gateway builds its
     * {@code kz.shlyuz.gateway.process.RetryPolicy} from them. The delays are process time.
     *
     * @param maxAttempts attempts in all, the first included; after the last one fails the step is
     *     UNDELIVERED (its outbox row FAILED) and waits for an operator. Default 5000: about five
     *     weeks of outage at the 10-minute cap, longer than any step's term
     * @param firstDelay the wait after the first failure, doubling after each next one (1 s)
     * @param maxDelay the cap of the doubling (10 minutes)
     * @param jitter 0 (the same delays every time: the default) to 1: each delay is shortened by a
     *     random share up to this fraction, so nodes that lost the same agency do not come back together
     */
    public record Retry(int maxAttempts, Duration firstDelay, Duration maxDelay, double jitter) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("process.retry.maxAttempts: " + maxAttempts + " (expected: >= 1)");
            }
            if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
                throw new IllegalArgumentException("process.retry.firstDelay: " + firstDelay + " (expected: > 0)");
            }
            if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("process.retry.maxDelay: " + maxDelay
                        + " (expected: >= process.retry.firstDelay " + firstDelay + ")");
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("process.retry.jitter: " + jitter + " (expected: 0–1)");
            }
        }
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(new Retry(5000, Duration.ofSeconds(1), Duration.ofMinutes(10), 0), null);
    }

    public ProcessSettings withRetry(Retry newRetry) {
        return new ProcessSettings(newRetry, calendarFile);
    }

    public ProcessSettings withCalendarFile(Path file) {
        return new ProcessSettings(retry, file);
    }

    /** Reads {@code root.process}; what is absent keeps {@link #defaults()}. */
    static ProcessSettings parse(JsonNode root) {
        Retry d = defaults().retry();
        JsonNode retry = root.path("process").path("retry");
        JsonNode max = retry.path("maxAttempts");
        if (!max.isMissingNode() && !max.isNull() && !(max.isIntegralNumber() && max.canConvertToInt())) {
            throw new IllegalArgumentException(
                    "process.retry.maxAttempts: " + max + " (expected: a whole number >= 1)");
        }
        JsonNode jitter = retry.path("jitter");
        if (!jitter.isMissingNode() && !jitter.isNull() && !jitter.isNumber()) {
            throw new IllegalArgumentException("process.retry.jitter: " + jitter + " (expected: a number 0–1)");
        }
        JsonNode calendar = root.path("process").path("calendarFile");
        if (!calendar.isMissingNode()
                && !calendar.isNull()
                && !(calendar.isTextual() && !calendar.asText().isBlank())) {
            throw new IllegalArgumentException(
                    "process.calendarFile: " + calendar + " (expected: the path of a calendar years file, or null)");
        }
        return new ProcessSettings(
                new Retry(
                        max.isIntegralNumber() ? max.asInt() : d.maxAttempts(),
                        duration(retry, "firstDelay", d.firstDelay()),
                        duration(retry, "maxDelay", d.maxDelay()),
                        jitter.isNumber() ? jitter.asDouble() : d.jitter()),
                calendar.isTextual() ? Path.of(calendar.asText()) : null);
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        return ConfigValues.duration(node, "process.retry.", field, fallback, "PT1S");
    }
}
