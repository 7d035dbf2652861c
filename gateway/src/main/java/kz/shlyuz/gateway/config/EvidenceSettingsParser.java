package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import kz.shlyuz.gateway.config.EvidenceSettings.Encryption;
import kz.shlyuz.gateway.config.EvidenceSettings.Mode;
import kz.shlyuz.gateway.config.EvidenceSettings.Retention;

/** Reads the {@code evidence} part of the configuration file into {@link EvidenceSettings}. */
final class EvidenceSettingsParser {
    private EvidenceSettingsParser() {}

    static EvidenceSettings parse(JsonNode node, Path dataDir) {
        EvidenceSettings d = EvidenceSettings.defaults(dataDir);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return d;
        }
        Mode mode = mode("evidence.mode", node.path("mode").asText(d.mode().name()));
        Map<String, Mode> services = new java.util.LinkedHashMap<>();
        node.path("services").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                services.put(
                        e.getKey(),
                        mode("evidence.services." + e.getKey(), e.getValue().asText()));
            }
        });
        String nodeId = text(node, "nodeId", null);
        String tsa = text(node, "tsaUrl", null);
        Encryption encryption = null;
        JsonNode enc = node.path("encryption");
        String keystore = text(enc, "keystore", null);
        if (keystore != null && !keystore.isBlank()) {
            encryption = new Encryption(
                    Path.of(keystore.replace("${dataDir}", dataDir.toString())),
                    text(enc, "type", "PKCS12"),
                    text(enc, "password", ""),
                    text(enc, "currentKey", null));
        }
        JsonNode ret = node.path("retention");
        Retention defaults = d.retention();
        Retention retention = defaults;
        if (!ret.isMissingNode()) {
            Map<String, Retention> perService = new java.util.LinkedHashMap<>(defaults.services());
            Period positive = period(ret, "positive", defaults.positive());
            Period negative = period(ret, "negative", defaults.negative());
            ret.path("services")
                    .fields()
                    .forEachRemaining(e -> perService.put(
                            e.getKey(),
                            new Retention(
                                    period(e.getValue(), "positive", positive),
                                    period(e.getValue(), "negative", negative),
                                    Map.of())));
            retention = new Retention(positive, negative, perService);
        }
        String archiveDir = text(node, "archiveDir", null);
        return new EvidenceSettings(
                mode,
                services,
                nodeId == null || nodeId.isBlank() ? null : nodeId,
                duration(node, "stampInterval", d.stampInterval()),
                node.path("stampRecords").asInt(d.stampRecords()),
                tsa == null || tsa.isBlank() ? null : URI.create(tsa),
                duration(node, "maxStampOutage", d.maxStampOutage()),
                encryption,
                retention,
                archiveDir == null ? d.archiveDir() : Path.of(archiveDir.replace("${dataDir}", dataDir.toString())),
                duration(node, "archiveCheck", d.archiveCheck()));
    }

    private static Mode mode(String where, String value) {
        try {
            return Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + value + " (expected: full, metadata or none)", e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        return ConfigValues.text(node, field, fallback);
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        return ConfigValues.duration(node, "evidence.", field, fallback, "PT60S");
    }

    private static Period period(JsonNode node, String field, Period fallback) {
        return ConfigValues.period(node, "evidence.retention.", field, fallback, "P10Y");
    }
}
