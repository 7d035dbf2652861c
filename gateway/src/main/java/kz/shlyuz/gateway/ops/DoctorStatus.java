package kz.shlyuz.gateway.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.ops.health.Dependency;
import kz.shlyuz.gateway.ops.health.Readiness;
import kz.shlyuz.gateway.ops.health.WeakenedChecks;
import kz.shlyuz.gateway.ops.maintenance.Maintenance;
import kz.shlyuz.gateway.ops.metrics.ExpiryGauges;
import kz.shlyuz.gateway.ops.metrics.SignatureMeters;

/**
 * The bodies the admin listener answers with: readiness ({@code /ready}) and everything
 * {@code ./shlyuz doctor} shows ({@code /status}): version, effective configuration summary,
 * weakened checks, expiries, the last outside calls, the database and the disk. Only reads; the
 * parts it reads are owned by {@link Operations}.
 */
final class DoctorStatus {
    /** Days before an expiry that doctor flags it. */
    static final int EXPIRY_WARNING_DAYS = 30;

    private final GatewayConfig config;
    private final Clock clock;
    private final Instant startedAt;
    private final Readiness readiness;
    private final ExpiryGauges expiry;
    private final Maintenance maintenance;
    private final DataSource database;
    private final IntSupplier inFlight;
    private final SignatureMeters outsideCalls;

    DoctorStatus(
            GatewayConfig config,
            Clock clock,
            Instant startedAt,
            Readiness readiness,
            ExpiryGauges expiry,
            Maintenance maintenance,
            DataSource database,
            IntSupplier inFlight,
            SignatureMeters outsideCalls) {
        this.config = config;
        this.clock = clock;
        this.startedAt = startedAt;
        this.readiness = readiness;
        this.expiry = expiry;
        this.maintenance = maintenance;
        this.database = database;
        this.inFlight = inFlight;
        this.outsideCalls = outsideCalls;
    }

    static Map<String, Object> readinessBody(Readiness.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "READY" : "NOT_READY");
        body.put("checkedAt", report.checkedAt());
        body.put("maintenance", report.maintenance().on());
        if (report.fatal() != null) {
            body.put("fatal", report.fatal());
        }
        Map<String, Object> deps = new LinkedHashMap<>();
        for (Dependency d : report.dependencies()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("state", d.state());
            one.put("required", d.required());
            one.put("detail", d.detail());
            if (!d.facts().isEmpty()) {
                one.put("facts", d.facts());
            }
            deps.put(d.name(), one);
        }
        body.put("dependencies", deps);
        body.put(
                "weakenedChecks",
                report.weakened().stream()
                        .map(WeakenedChecks.Weakened::toString)
                        .toList());
        return body;
    }

    /** Everything doctor shows, evaluated now (not from the readiness cache). */
    Map<String, Object> status() {
        Readiness.Report report = readiness.fresh();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version());
        body.put("startedAt", startedAt);
        body.put("now", clock.instant());
        body.put("readiness", readinessBody(report));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("listen", config.host() + ":" + config.port());
        summary.put("dataDir", config.dataDir().toAbsolutePath().normalize().toString());
        summary.put("senders", config.senders().keySet());
        summary.put("adapters", config.adapters().keySet());
        summary.put(
                "trustDirs",
                config.signerRules().trustDirs().stream().map(Path::toString).toList());
        summary.put("devPkiTrust", config.signerRules().devPkiTrust());
        summary.put("revocation", config.signerRules().softFailRevocation() ? "soft-fail" : "require");
        summary.put(
                "ocsp",
                config.signerRules().ocsp().enabled()
                        ? String.valueOf(
                                config.signerRules().ocsp().responder() == null
                                        ? "AIA"
                                        : config.signerRules().ocsp().responder())
                        : "off");
        summary.put("strictCheckDigits", config.strictCheckDigits());
        summary.put(
                "tracing",
                config.ops().tracing().enabled()
                        ? config.ops().tracing().otlpEndpoint().toString()
                        : "off");
        body.put("config", summary);
        body.put(
                "weakenedChecks",
                report.weakened().stream()
                        .map(WeakenedChecks.Weakened::toString)
                        .toList());
        Instant now = clock.instant();
        List<Map<String, Object>> certs = new ArrayList<>();
        for (ExpiryGauges.Expiry e : expiry.certificates()) {
            certs.add(expiryRow(e, now));
        }
        body.put("certificates", certs);
        List<Map<String, Object>> crls = new ArrayList<>();
        for (ExpiryGauges.Expiry e : expiry.crlUpdates()) {
            crls.add(expiryRow(e, now));
        }
        body.put("crls", crls);
        body.put("outsideCalls", outsideCalls.lastCalls().values());
        body.put("database", database());
        body.put("disk", disk());
        body.put("inFlightCalls", inFlight.getAsInt());
        body.put("maintenance", maintenance.state());
        return body;
    }

    private static Map<String, Object> expiryRow(ExpiryGauges.Expiry e, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        long days = Duration.between(now, e.at()).toDays();
        row.put("kind", e.kind());
        row.put("subject", e.subject());
        row.put("expires", e.at());
        row.put("days", days);
        row.put("attention", days < EXPIRY_WARNING_DAYS);
        return row;
    }

    private Map<String, Object> database() {
        Map<String, Object> out = new LinkedHashMap<>();
        String url = config.journal().jdbcUrl();
        out.put(
                "kind",
                url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:h2:") ? "h2" : "other");
        try (var c = database.getConnection();
                var s = c.createStatement()) {
            if (url.startsWith("jdbc:postgresql:")) {
                try (var rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    out.put("sizeBytes", rs.getLong(1));
                }
            }
        } catch (Exception e) {
            out.put("sizeError", e.getMessage());
        }
        if (url.startsWith("jdbc:h2:file:")) {
            String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            Path file = Path.of(path + ".mv.db");
            try {
                out.put("sizeBytes", Files.size(file));
            } catch (IOException e) {
                out.put("sizeError", "cannot read " + file);
            }
        }
        return out;
    }

    private Map<String, Object> disk() {
        Map<String, Object> out = new LinkedHashMap<>();
        Path dir = config.dataDir().toAbsolutePath().normalize();
        out.put("dataDir", dir.toString());
        try {
            Path existing = Files.exists(dir) ? dir : dir.getParent();
            var store = Files.getFileStore(existing);
            long usable = store.getUsableSpace();
            long total = store.getTotalSpace();
            out.put("usableBytes", usable);
            out.put("totalBytes", total);
            out.put("attention", total > 0 && (usable * 100 / total < 10 || usable < (1L << 30)));
        } catch (IOException | RuntimeException e) {
            out.put("error", e.getMessage());
            out.put("attention", true);
        }
        return out;
    }

    /** The gateway's version from its jar, or "dev" when run from classes. */
    static String version() {
        try (InputStream in =
                DoctorStatus.class.getResourceAsStream("/META-INF/maven/kz.shlyuz/shlyuz-gateway/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }
}
