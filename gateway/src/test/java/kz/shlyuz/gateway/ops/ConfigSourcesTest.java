package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.ops.config.ConfigSources;
import kz.shlyuz.gateway.ops.health.WeakenedChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults &lt; file &lt; environment: names derived from the JSON path, typed like the key, secrets masked. */
class ConfigSourcesTest {
    @Test
    void environmentVariablesNamedAfterTheJsonPathOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.json");
        String shipped = ConfigSources.pretty(kz.shlyuz.gateway.config.ConfigLoader.defaultsTree());
        Files.writeString(file, shipped.replace("\"port\" : 8443", "\"port\" : 9000"));
        Map<String, String> env = Map.of(
                "SHLYUZ_LISTEN_PORT", "9100",
                "SHLYUZ_JOURNAL_JDBCURL", "jdbc:postgresql://db.internal:5432/shlyuz",
                "SHLYUZ_JOURNAL_PASSWORD", "s3cret",
                "SHLYUZ_OPS_ADMIN_PORT", "0",
                "SHLYUZ_ADAPTERS_GBDFL_ADDRESS", "10.1.2.3:9201",
                "SHLYUZ_LIMITS_AGENCYDEADLINE", "PT7S",
                "SHLYUZ_TRUST_REVOCATION", "soft-fail",
                "SHLYUZ_IDENTITY_STRICTCHECKDIGITS", "false",
                "SHLYUZ_TEST_PG_URL", "jdbc:postgresql://127.0.0.1/t",
                "SHLYUZ_NO_SUCH_KEY", "1");
        ConfigSources.Effective effective = ConfigSources.load(file, env, dir);
        GatewayConfig c = effective.config();
        assertEquals(9100, c.port(), "the environment wins over the file");
        assertEquals("jdbc:postgresql://db.internal:5432/shlyuz", c.journal().jdbcUrl());
        assertEquals("s3cret", c.journal().password());
        assertEquals(0, c.ops().admin().port());
        assertEquals("10.1.2.3", c.adapter("gbd-fl").orElseThrow().host());
        assertEquals(9201, c.adapter("gbd-fl").orElseThrow().port());
        assertEquals(Duration.ofSeconds(7), c.limits().agencyDeadline());
        assertTrue(c.signerRules().softFailRevocation());
        assertFalse(c.strictCheckDigits());
        assertEquals("adapters.gbd-fl.address", effective.applied().get("SHLYUZ_ADAPTERS_GBDFL_ADDRESS"));
        assertEquals(List.of("SHLYUZ_NO_SUCH_KEY"), effective.ignored(), "test and launcher variables are not config");
        assertEquals("SHLYUZ_JOURNAL_JDBCURL", ConfigSources.envName("journal.jdbcUrl"));
        assertEquals("SHLYUZ_ADAPTERS_GBDFL_ADDRESS", ConfigSources.envName("adapters.gbd-fl.address"));

        String printed = ConfigSources.pretty(ConfigSources.masked(c));
        assertFalse(printed.contains("s3cret"), printed);
        assertTrue(printed.contains("\"password\" : \"****\""), printed);
        List<String> weakened = WeakenedChecks.of(c).stream()
                .map(WeakenedChecks.Weakened::setting)
                .toList();
        assertTrue(
                weakened.containsAll(List.of(
                        "trust.devPki: true", "trust.revocation: soft-fail", "identity.strictCheckDigits: false")),
                weakened.toString());
    }

    @Test
    void aVariableThatDoesNotFitItsKeyIsRefusedByName(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigSources.load(null, Map.of("SHLYUZ_IDENTITY_STRICTCHECKDIGITS", "sometimes"), dir));
        assertTrue(e.getMessage().contains("SHLYUZ_IDENTITY_STRICTCHECKDIGITS"), e.getMessage());
        IllegalArgumentException port = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigSources.load(null, Map.of("SHLYUZ_LISTEN_PORT", "eighty"), dir));
        assertTrue(port.getMessage().contains("SHLYUZ_LISTEN_PORT"), port.getMessage());
    }

    @Test
    void jdbcUrlPasswordsAreMaskedToo(@TempDir Path dir) {
        GatewayConfig c = ConfigSources.load(
                        null,
                        Map.of("SHLYUZ_JOURNAL_JDBCURL", "jdbc:postgresql://db/shlyuz?user=gw&password=hunter2"),
                        dir)
                .config();
        String printed = ConfigSources.pretty(ConfigSources.masked(c));
        assertFalse(printed.contains("hunter2"), printed);
        assertTrue(printed.contains("password=****"), printed);
    }
}
