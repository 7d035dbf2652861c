package kz.shlyuz.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code evidence} part of the configuration.
 *
 * @param mode what is kept for a service not listed in {@code services}
 * @param services per service id: what is kept (X-Road's full / metadata / none)
 * @param nodeId the name of this node's chain, stable across restarts; null: this run's node id
 *     (each start then begins a new chain). Two nodes sharing a database must have different names
 * @param stampInterval the chain head is time-stamped at least this often while records wait
 * @param stampRecords ... or as soon as this many records wait, whichever comes first
 * @param tsaUrl the RFC 3161 authority over HTTP; null: the time-stamper the gateway signs with
 * @param maxStampOutage how long records may wait for a time-stamp the authority does not give
 *     before the gateway refuses new messages (X-Road: 4 hours)
 * @param encryption how bodies are encrypted at rest; null: stored as they are
 * @param retention how long records stay in the database
 * @param archiveDir where records past retention go
 * @param archiveCheck how often (process clock) to look for records past retention
 */
public record EvidenceSettings(
        Mode mode,
        Map<String, Mode> services,
        String nodeId,
        Duration stampInterval,
        int stampRecords,
        URI tsaUrl,
        Duration maxStampOutage,
        Encryption encryption,
        Retention retention,
        Path archiveDir,
        Duration archiveCheck) {

    /** What is kept of a message. */
    public enum Mode {
        /** Bodies, signatures and revocation evidence, in the chain. */
        FULL,
        /** The record without bodies: who, what, when, outcome and the bodies' SHA-256, in the chain. */
        METADATA,
        /** Nothing (the journal entry is still written). */
        NONE
    }

    public EvidenceSettings {
        Objects.requireNonNull(mode, "evidence.mode");
        services = Map.copyOf(services);
        positive("evidence.stampInterval", stampInterval);
        positive("evidence.maxStampOutage", maxStampOutage);
        positive("evidence.archiveCheck", archiveCheck);
        if (stampRecords <= 0) {
            throw new IllegalArgumentException("evidence.stampRecords: " + stampRecords + " (expected: > 0)");
        }
        Objects.requireNonNull(retention, "evidence.retention");
        Objects.requireNonNull(archiveDir, "evidence.archiveDir");
    }

    /**
     * AES-256-GCM keys in a PKCS#12 or JCEKS keystore; each record names the key it was encrypted
     * with, so a new {@code currentKey} applies to new records while old ones stay readable.
     */
    public record Encryption(Path keystore, String type, String password, String currentKey) {
        public Encryption {
            Objects.requireNonNull(keystore, "evidence.encryption.keystore");
            type = type == null ? "PKCS12" : type;
            Objects.requireNonNull(currentKey, "evidence.encryption.currentKey");
        }

        @Override
        public String toString() {
            return "Encryption[keystore=" + keystore + ", type=" + type + ", currentKey=" + currentKey + "]";
        }
    }

    /**
     * Retention after the record's outcome: {@code positive} after an answered call, an accepted
     * Submit or a clear step; {@code negative} after a refusal or grounds found.
     */
    public record Retention(Period positive, Period negative, Map<String, Retention> services) {
        public Retention {
            Objects.requireNonNull(positive, "evidence.retention.positive");
            Objects.requireNonNull(negative, "evidence.retention.negative");
            services = services == null ? Map.of() : Map.copyOf(services);
        }

        /** The periods of one service. */
        public Retention of(String serviceId) {
            return serviceId == null ? this : services.getOrDefault(serviceId, this);
        }
    }

    /** What is kept for a service. */
    public Mode modeOf(String serviceId) {
        return serviceId == null ? mode : services.getOrDefault(serviceId, mode);
    }

    /**
     * The defaults: everything kept in full, 60 s / 10 000 records per stamp, 4 h of tolerated
     * authority outage, no encryption, five years (ten after a positive decision on an exit for
     * permanent residence, 002 §20).
     */
    public static EvidenceSettings defaults(Path dataDir) {
        return new EvidenceSettings(
                Mode.FULL,
                Map.of(),
                null,
                Duration.ofSeconds(60),
                10_000,
                null,
                Duration.ofHours(4),
                null,
                defaultRetention(),
                dataDir.resolve("archive"),
                Duration.ofHours(1));
    }

    public static Retention defaultRetention() {
        return new Retention(
                Period.ofYears(5),
                Period.ofYears(5),
                Map.of(
                        kz.shlyuz.gateway.services.Service.EXIT_PERMANENT_RESIDENCE.id(),
                        new Retention(Period.ofYears(10), Period.ofYears(5), Map.of())));
    }

    public EvidenceSettings withTsaUrl(URI url) {
        return new EvidenceSettings(
                mode,
                services,
                nodeId,
                stampInterval,
                stampRecords,
                url,
                maxStampOutage,
                encryption,
                retention,
                archiveDir,
                archiveCheck);
    }

    public EvidenceSettings withStamping(Duration interval, int records, Duration maxOutage) {
        return new EvidenceSettings(
                mode,
                services,
                nodeId,
                interval,
                records,
                tsaUrl,
                maxOutage,
                encryption,
                retention,
                archiveDir,
                archiveCheck);
    }

    public EvidenceSettings withEncryption(Encryption newEncryption) {
        return new EvidenceSettings(
                mode,
                services,
                nodeId,
                stampInterval,
                stampRecords,
                tsaUrl,
                maxStampOutage,
                newEncryption,
                retention,
                archiveDir,
                archiveCheck);
    }

    public EvidenceSettings withMode(Mode newMode, Map<String, Mode> newServices) {
        return new EvidenceSettings(
                newMode,
                newServices,
                nodeId,
                stampInterval,
                stampRecords,
                tsaUrl,
                maxStampOutage,
                encryption,
                retention,
                archiveDir,
                archiveCheck);
    }

    public EvidenceSettings withNodeId(String newNodeId) {
        return new EvidenceSettings(
                mode,
                services,
                newNodeId,
                stampInterval,
                stampRecords,
                tsaUrl,
                maxStampOutage,
                encryption,
                retention,
                archiveDir,
                archiveCheck);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
        }
    }

    /** Reads {@code evidence} of the configuration file; absent fields keep {@link #defaults}. */
    public static EvidenceSettings parse(com.fasterxml.jackson.databind.JsonNode node, Path dataDir) {
        return EvidenceSettingsParser.parse(node, dataDir);
    }
}
