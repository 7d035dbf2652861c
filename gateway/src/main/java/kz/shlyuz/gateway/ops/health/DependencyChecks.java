package kz.shlyuz.gateway.ops.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.TrustSource;

/**
 * The checks behind {@link Readiness}, one per dependency: the database (reachable, writable, its
 * migration), the trust (anchors loaded and not expired), revocation (OCSP reachable or current
 * CRLs, required unless the policy is soft-fail) and each adapter (a TCP connect). Each check
 * answers now, uncached; {@link Readiness} bounds, caches and combines them.
 */
final class DependencyChecks {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final GatewayConfig config;
    private final DataSource database;
    private final TrustSource trust;
    private final URI ocspResponder;

    /** @param ocspResponder the responder the policy asks (null: OCSP off or each certificate's AIA) */
    DependencyChecks(GatewayConfig config, DataSource database, TrustSource trust, URI ocspResponder) {
        this.config = config;
        this.database = database;
        this.trust = trust;
        this.ocspResponder = ocspResponder;
    }

    Dependency database() {
        long start = System.nanoTime();
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            String version = null;
            // Flyway's own table, quoted as Flyway creates it (lower case on H2 and PostgreSQL alike).
            try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                    + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                version = rs.next() ? rs.getString(1) : null;
            } catch (java.sql.SQLException e) {
                version = "unknown (" + e.getMessage() + ")";
            }
            facts.put("latencyMillis", (System.nanoTime() - start) / 1_000_000.0);
            facts.put("migrationVersion", version);
            facts.put("url", config.journal().jdbcUrl().replaceAll("(?i)(password=)[^;&]*", "$1****"));
            if (c.isReadOnly()) {
                return new Dependency("database", Dependency.State.DOWN, true, "the connection is read-only", facts);
            }
            return new Dependency("database", Dependency.State.UP, true, "reachable and writable", facts);
        } catch (Exception e) {
            // Connections opened before the database went away may look alive to the pool (a remote H2
            // session keeps answering "database is already closed"): retire them all, so that the
            // journal, the case writer and the outbox get fresh ones as soon as the database returns.
            if (database instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return new Dependency("database", Dependency.State.DOWN, true, "unreachable: " + e.getMessage(), facts);
        }
    }

    Dependency trust(Instant now) {
        TrustMaterial material;
        try {
            material = trust.current();
        } catch (RuntimeException e) {
            return new Dependency(
                    "trust", Dependency.State.DOWN, true, "cannot be loaded: " + e.getMessage(), Map.of());
        }
        int expired = 0;
        Instant earliest = null;
        for (X509Certificate anchor : material.anchors()) {
            Instant notAfter = anchor.getNotAfter().toInstant();
            if (notAfter.isBefore(now)) {
                expired++;
            } else if (earliest == null || notAfter.isBefore(earliest)) {
                earliest = notAfter;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("anchors", material.anchors().size());
        facts.put("crls", material.crls().size());
        facts.put("earliestExpiry", earliest == null ? null : earliest.toString());
        if (expired == material.anchors().size()) {
            return new Dependency("trust", Dependency.State.DOWN, true, "every trust anchor has expired", facts);
        }
        if (expired > 0) {
            return new Dependency(
                    "trust", Dependency.State.DEGRADED, true, expired + " trust anchor(s) expired", facts);
        }
        return new Dependency(
                "trust", Dependency.State.UP, true, material.anchors().size() + " anchors valid", facts);
    }

    Dependency revocation(Instant now) {
        boolean softFail = config.signerRules().softFailRevocation();
        Map<String, Object> facts = new LinkedHashMap<>();
        String ocsp;
        boolean ocspUp = false;
        if (!config.signerRules().ocsp().enabled()) {
            ocsp = "off";
        } else if (ocspResponder == null) {
            ocsp = "each certificate's AIA responder";
            ocspUp = true;
        } else {
            long millis = connect(
                    ocspResponder.getHost(),
                    ocspResponder.getPort() < 0
                            ? ("https".equals(ocspResponder.getScheme()) ? 443 : 80)
                            : ocspResponder.getPort());
            ocspUp = millis >= 0;
            ocsp = ocspResponder + (ocspUp ? " reachable" : " unreachable");
            if (ocspUp) {
                facts.put("ocspLatencyMillis", millis);
            }
        }
        facts.put("ocsp", ocsp);
        List<X509CRL> crls;
        try {
            crls = trust.current().crls();
        } catch (RuntimeException e) {
            crls = List.of();
        }
        int stale = 0;
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                stale++;
            }
        }
        facts.put("crls", crls.size());
        facts.put("staleCrls", stale);
        boolean crlsCurrent = !crls.isEmpty() && stale == 0;
        if (ocspUp || crlsCurrent) {
            Dependency.State state =
                    ocspUp && (crls.isEmpty() || stale == 0) ? Dependency.State.UP : Dependency.State.DEGRADED;
            return new Dependency(
                    "revocation",
                    state,
                    !softFail,
                    "OCSP: " + ocsp + "; CRLs: " + crls.size()
                            + (stale > 0 ? " (" + stale + " past nextUpdate)" : " current"),
                    facts);
        }
        return new Dependency(
                "revocation",
                Dependency.State.DOWN,
                !softFail,
                "neither OCSP (" + ocsp + ") nor a " + "current CRL answers"
                        + (softFail ? "; accepted by trust.revocation: soft-fail" : ""),
                facts);
    }

    Dependency adapter(String name, AdapterEndpoint endpoint) {
        long millis = connect(endpoint.host(), endpoint.port());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("address", endpoint.host() + ":" + endpoint.port());
        // The monitoring system (001 §14) never decides readiness: its reports wait, cases do not.
        boolean required = config.ops().health().requireAdapters()
                && !name.equals(config.records().monitoring().adapter());
        if (millis < 0) {
            return new Dependency(
                    "adapter:" + name,
                    Dependency.State.DOWN,
                    required,
                    "unreachable at " + endpoint.host() + ":" + endpoint.port(),
                    facts);
        }
        facts.put("latencyMillis", millis);
        return new Dependency("adapter:" + name, Dependency.State.UP, required, "reachable", facts);
    }

    /** TCP connect time in milliseconds, or -1 when nothing answers. */
    private static long connect(String host, int port) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return Math.max(0, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }
}
