package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kz.shlyuz.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/** {@code serve --db}: the user and password ride in the URL but are never printed with it. */
class DatabaseTargetTest {
    private static final GatewayConfig.JournalSettings CONFIGURED =
            new GatewayConfig.JournalSettings("jdbc:h2:mem:x", "configured", "secret0", 8);

    @Test
    void takesUserAndPasswordOutOfTheUrlAndKeepsTheOtherParameters() {
        DatabaseTarget t = DatabaseTarget.parse(
                "jdbc:postgresql://db:5432/shlyuz?currentSchema=s1&user=gw&password=p%40ss&sslmode=require");
        assertEquals("jdbc:postgresql://db:5432/shlyuz?currentSchema=s1&sslmode=require", t.url());
        GatewayConfig.JournalSettings j = t.applyTo(CONFIGURED);
        assertEquals("gw", j.user());
        assertEquals("p@ss", j.password());
        assertEquals(8, j.poolSize());
        assertEquals("DatabaseTarget[url=" + t.url() + ", user=gw]", t.toString());
    }

    @Test
    void keepsTheConfiguredUserAndPasswordWhenTheUrlNamesNone() {
        DatabaseTarget t = DatabaseTarget.parse("jdbc:postgresql://db/shlyuz");
        assertNull(t.user());
        GatewayConfig.JournalSettings j = t.applyTo(CONFIGURED);
        assertEquals("jdbc:postgresql://db/shlyuz", j.jdbcUrl());
        assertEquals("configured", j.user());
        assertEquals("secret0", j.password());
    }

    @Test
    void masksEveryPasswordParameterOfAPrintedUrl() {
        assertEquals(
                "jdbc:postgresql://db/s?user=a&password=****&x=1",
                DatabaseTarget.masked("jdbc:postgresql://db/s?user=a&password=hunter2&x=1"));
        assertEquals(
                "jdbc:h2:tcp://h/db;PASSWORD=****;X=1", DatabaseTarget.masked("jdbc:h2:tcp://h/db;PASSWORD=pw;X=1"));
    }

    @Test
    void refusesWhatIsNotAJdbcUrlWithoutEchoingItsPassword() {
        UsageError e = assertThrows(UsageError.class, () -> DatabaseTarget.parse("postgres://db/s?password=hunter2"));
        assertEquals(
                "--db: 'postgres://db/s?password=****' (expected: a JDBC URL such as "
                        + "jdbc:postgresql://127.0.0.1:5432/shlyuz?user=shlyuz&password=…)",
                e.getMessage());
    }
}
