package kz.shlyuz.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.shlyuz.certs.identity.Organisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void shippedDefaultsListenOnLoopbackAndRefuseWhatTheyDoNotName() {
        GatewayConfig config = ConfigLoader.defaults();
        assertEquals("127.0.0.1", config.host());
        assertEquals(8443, config.port());
        assertEquals(Duration.ofMinutes(5), config.limits().messageFreshness());
        assertTrue(config.sender("egov-portal").orElseThrow().allows("ADDRESS_CERTIFICATE"));
        assertFalse(config.sender("burkit").orElseThrow().allows("ADDRESS_CERTIFICATE"));
        assertTrue(config.sender("somebody-else").isEmpty());
        assertTrue(config.strictCheckDigits());
    }

    @Test
    void shippedBinsAreThoseOfTheDevelopmentOrganisations() {
        GatewayConfig config = ConfigLoader.defaults();
        assertTrue(config.sender("hkko").orElseThrow().operatorBins()
                .contains(Organisation.STATE_CORPORATION.bin().value()));
        assertTrue(config.sender("burkit").orElseThrow().operatorBins()
                .contains(Organisation.FOREIGN_AFFAIRS.bin().value()));
        assertEquals(java.util.Set.of(Organisation.INTERNAL_AFFAIRS.bin().value(), Organisation.JUSTICE.bin().value()),
                config.adapter("gbd-fl").orElseThrow().signerBins());
    }

    @Test
    void journalLivesInTheChosenDataDirectory(@TempDir Path dir) {
        GatewayConfig config = ConfigLoader.defaults(dir);
        assertTrue(config.journal().jdbcUrl().contains(dir.toAbsolutePath().toString()), config.journal().jdbcUrl());
    }

    @Test
    void invalidValueIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"listen": {"port": 8443}, "limits": {"agencyDeadline": "five seconds"},
                 "journal": {}, "senders": {}, "adapters": {}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(file, null));
        assertTrue(e.getMessage().contains("agencyDeadline: five seconds"), e.getMessage());
    }
}
