package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The records the regulations require (issue 11.8, 11.9): the configuration's {@code records}
 * object. Every part may be omitted. The registers themselves (002 §19 exit-case book, 001 §13
 * consulate journal) are always kept: the regulations leave no choice. How long case files are
 * kept is not configured here: it is {@code evidence.retention}, the one set of retention rules.
 *
 * @param monitoring the stage reports to the public-services monitoring system (001 §14)
 * @param retention the destruction of case files past their retention (002 §20-21)
 */
public record RecordsSettings(Monitoring monitoring, Retention retention) {

    public RecordsSettings {
        Objects.requireNonNull(monitoring, "records.monitoring");
        Objects.requireNonNull(retention, "records.retention");
    }

    /**
     * Stage reports ({@code records.monitoring}): written in the case's transaction, delivered by
     * their own worker (wall-clock time), retried until the monitoring system takes them.
     *
     * @param enabled false: no reports are written (a deployment whose provider reports otherwise)
     * @param adapter the configured adapter that is the monitoring system
     * @param pollInterval how often the worker looks for reports to send
     * @param batch reports leased per look
     * @param firstDelay the wait after a failed delivery, doubling after each next one ...
     * @param maxDelay ... up to this; a report is never given up
     */
    public record Monitoring(
            boolean enabled, String adapter, Duration pollInterval, int batch, Duration firstDelay, Duration maxDelay) {
        public Monitoring {
            Objects.requireNonNull(adapter, "records.monitoring.adapter");
            positive("records.monitoring.pollInterval", pollInterval);
            positive("records.monitoring.firstDelay", firstDelay);
            if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("records.monitoring.maxDelay: " + maxDelay
                        + " (expected: >= records.monitoring.firstDelay " + firstDelay + ")");
            }
            if (batch < 1 || batch > 10_000) {
                throw new IllegalArgumentException("records.monitoring.batch: " + batch + " (expected: 1–10000)");
            }
        }
    }

    /**
     * Destruction by act ({@code records.retention}), on the process clock.
     *
     * @param enabled false: nothing is destroyed (files are kept past their retention)
     * @param check how often (process time) case files past retention are looked for
     * @param batch most case files destroyed under one act
     */
    public record Retention(boolean enabled, Duration check, int batch) {
        public Retention {
            positive("records.retention.check", check);
            if (batch < 1 || batch > 100_000) {
                throw new IllegalArgumentException("records.retention.batch: " + batch + " (expected: 1–100000)");
            }
        }
    }

    /** Reports on, to {@code monitoring} every second, retried from 1 s to 5 min; retention checked hourly. */
    public static RecordsSettings defaults() {
        return new RecordsSettings(
                new Monitoring(
                        true, "monitoring", Duration.ofSeconds(1), 100, Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new Retention(true, Duration.ofHours(1), 500));
    }

    public RecordsSettings withMonitoring(Monitoring newMonitoring) {
        return new RecordsSettings(newMonitoring, retention);
    }

    public RecordsSettings withRetention(Retention newRetention) {
        return new RecordsSettings(monitoring, newRetention);
    }

    /** Reads {@code root.records}; what is absent keeps {@link #defaults()}. */
    static RecordsSettings parse(JsonNode root) {
        RecordsSettings d = defaults();
        JsonNode m = root.path("records").path("monitoring");
        JsonNode r = root.path("records").path("retention");
        return new RecordsSettings(
                new Monitoring(
                        bool(m, "records.monitoring.", "enabled", d.monitoring().enabled()),
                        ConfigValues.text(m, "adapter", d.monitoring().adapter()),
                        ConfigValues.duration(
                                m,
                                "records.monitoring.",
                                "pollInterval",
                                d.monitoring().pollInterval(),
                                "PT1S"),
                        whole(m, "records.monitoring.", "batch", d.monitoring().batch()),
                        ConfigValues.duration(
                                m,
                                "records.monitoring.",
                                "firstDelay",
                                d.monitoring().firstDelay(),
                                "PT1S"),
                        ConfigValues.duration(
                                m,
                                "records.monitoring.",
                                "maxDelay",
                                d.monitoring().maxDelay(),
                                "PT5M")),
                new Retention(
                        bool(r, "records.retention.", "enabled", d.retention().enabled()),
                        ConfigValues.duration(
                                r, "records.retention.", "check", d.retention().check(), "PT1H"),
                        whole(r, "records.retention.", "batch", d.retention().batch())));
    }

    private static boolean bool(JsonNode node, String parent, String field, boolean fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(parent + field + ": " + value + " (expected: true or false)");
        }
        return value.asBoolean();
    }

    private static int whole(JsonNode node, String parent, String field, int fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!(value.isIntegralNumber() && value.canConvertToInt())) {
            throw new IllegalArgumentException(parent + field + ": " + value + " (expected: a whole number)");
        }
        return value.asInt();
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
        }
    }
}
