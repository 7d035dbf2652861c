package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link EdgeSettings}: {@code limits.transport}, {@code limits.globalRateLimit},
 * {@code limits.quotaZone} and, per sender, {@code senders.<id>.rateLimit} and
 * {@code senders.<id>.dailyQuota}. Absent keys keep {@link EdgeSettings.Transport#defaults()};
 * absent rate limits mean none.
 */
final class EdgeSettingsLoader {
    private EdgeSettingsLoader() {}

    static EdgeSettings parse(JsonNode root) {
        JsonNode limits = root.path("limits");
        EdgeSettings.Transport d = EdgeSettings.Transport.defaults();
        JsonNode t = limits.path("transport");
        EdgeSettings.Transport transport = new EdgeSettings.Transport(
                integer(t, "envelopeSlackBytes", d.envelopeSlackBytes()),
                integer(t, "maxHeaderListBytes", d.maxHeaderListBytes()),
                integer(t, "maxRstFramesPerWindow", d.maxRstFramesPerWindow()),
                duration(t, "rstWindow", d.rstWindow()),
                duration(t, "readTimeout", d.readTimeout()),
                duration(t, "maxCallDuration", d.maxCallDuration()),
                duration(t, "maxConnectionIdle", d.maxConnectionIdle()),
                duration(t, "maxConnectionAge", d.maxConnectionAge()),
                duration(t, "maxConnectionAgeGrace", d.maxConnectionAgeGrace()),
                duration(t, "keepAliveTime", d.keepAliveTime()),
                duration(t, "keepAliveTimeout", d.keepAliveTimeout()),
                duration(t, "permitKeepAliveTime", d.permitKeepAliveTime()),
                integer(t, "maxConnections", d.maxConnections()),
                integer(t, "maxConnectionsPerSystem", d.maxConnectionsPerSystem()));
        Map<String, EdgeSettings.SenderLimits> senders = new HashMap<>();
        root.path("senders").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("_")) {
                return;
            }
            String where = "senders." + e.getKey();
            EdgeSettings.RateLimit rate = rateLimit(e.getValue().get("rateLimit"), where + ".rateLimit");
            JsonNode quota = e.getValue().get("dailyQuota");
            Long dailyQuota = null;
            if (quota != null && !quota.isNull()) {
                if (!quota.canConvertToLong()) {
                    throw new IllegalArgumentException(where + ".dailyQuota: " + quota + " (expected: a whole number)");
                }
                dailyQuota = quota.asLong();
            }
            if (rate != null || dailyQuota != null) {
                try {
                    senders.put(e.getKey(), new EdgeSettings.SenderLimits(rate, dailyQuota));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(where + "." + ex.getMessage(), ex);
                }
            }
        });
        String zone = limits.path("quotaZone").asText("Asia/Almaty");
        ZoneId quotaZone;
        try {
            quotaZone = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "limits.quotaZone: " + zone + " (expected: a zone id such as Asia/Almaty)", e);
        }
        return new EdgeSettings(
                transport, rateLimit(limits.get("globalRateLimit"), "limits.globalRateLimit"), senders, quotaZone);
    }

    private static EdgeSettings.RateLimit rateLimit(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()
                || !node.path("perSecond").isNumber()
                || !node.path("burst").canConvertToInt()) {
            throw new IllegalArgumentException(where + ": " + node
                    + " (expected: an object with perSecond and burst, e.g. {\"perSecond\": 100, \"burst\": 200})");
        }
        try {
            return new EdgeSettings.RateLimit(
                    node.path("perSecond").asDouble(), node.path("burst").asInt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException(
                    "limits.transport." + field + ": " + value + " (expected: a whole number)");
        }
        return value.asInt();
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        return ConfigValues.duration(node, "limits.transport.", field, fallback, "PT10S");
    }
}
