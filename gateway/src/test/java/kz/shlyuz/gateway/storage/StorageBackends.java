package kz.shlyuz.gateway.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import kz.shlyuz.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the storage suite runs on: an embedded H2 file, and a real PostgreSQL server
 * named by {@code SHLYUZ_TEST_PG_URL} (with {@code SHLYUZ_TEST_PG_USER} and
 * {@code SHLYUZ_TEST_PG_PASSWORD}), e.g. {@code jdbc:postgresql://127.0.0.1:5432/shlyuz_test}.
 * Without that variable the PostgreSQL variant is skipped on a developer's machine, but fails
 * when {@code CI=true}: CI must not pass without having run it.
 */
public final class StorageBackends {
    private StorageBackends() {}

    public static GatewayConfig.JournalSettings h2(Path dir) {
        return new GatewayConfig.JournalSettings(
                "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE", "shlyuz", "", 8);
    }

    /** A fresh schema on the PostgreSQL server, so each run starts from the migrations. */
    public static GatewayConfig.JournalSettings postgres() throws SQLException {
        String url = System.getenv("SHLYUZ_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but SHLYUZ_TEST_PG_URL is not set: the PostgreSQL storage "
                        + "suite must run in CI (.ci/run starts the server)");
            }
            Assumptions.abort("SHLYUZ_TEST_PG_URL is not set: PostgreSQL storage suite skipped on this machine");
        }
        String user = System.getenv().getOrDefault("SHLYUZ_TEST_PG_USER", "shlyuz");
        String password = System.getenv().getOrDefault("SHLYUZ_TEST_PG_PASSWORD", "shlyuz");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new GatewayConfig.JournalSettings(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, 8);
    }
}
