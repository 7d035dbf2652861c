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
        hikari.setJdbcUrl(settings.jdbcUrl());
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

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
