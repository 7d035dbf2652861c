package kz.shlyuz.gateway.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.GatewayConfig;
import org.flywaydb.core.Flyway;

/** Opens the journal's connection pool and brings the schema up to date with Flyway. */
public final class JournalDatabase {
    private JournalDatabase() {}

    /** A migrated pool for the configured database (H2 file by default, or PostgreSQL). */
    public static HikariDataSource open(GatewayConfig.JournalSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(durable(settings.jdbcUrl()));
        hikari.setUsername(settings.user());
        hikari.setPassword(settings.password());
        hikari.setMaximumPoolSize(Math.max(2, settings.poolSize()));
        hikari.setPoolName("shlyuz-journal");
        // Fail fast at start-up and on a stuck database instead of hanging a caller's request.
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * An embedded H2 file keeps commits in memory for up to half a second by default, so a process
     * killed right after acknowledging would lose them; {@code WRITE_DELAY=0} hands every commit to
     * the operating system before the commit returns. Other databases are left as configured.
     */
    static String durable(String jdbcUrl) {
        boolean embeddedFile = jdbcUrl.startsWith("jdbc:h2:file:")
                || (jdbcUrl.startsWith("jdbc:h2:")
                        && !jdbcUrl.startsWith("jdbc:h2:mem:")
                        && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                        && !jdbcUrl.startsWith("jdbc:h2:ssl:"));
        if (!embeddedFile || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Migrations that differ by database, beside the SQL ones in version order.
                .javaMigrations(new V92__EvidenceRowsInline())
                .load()
                .migrate();
    }
}
