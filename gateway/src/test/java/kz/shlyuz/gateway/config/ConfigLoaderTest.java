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
        assertTrue(config.sender("hkko")
                .orElseThrow()
                .operatorBins()
                .contains(Organisation.STATE_CORPORATION.bin().value()));
        assertTrue(config.sender("burkit")
                .orElseThrow()
                .operatorBins()
                .contains(Organisation.FOREIGN_AFFAIRS.bin().value()));
        assertEquals(
                java.util.Set.of(
                        Organisation.INTERNAL_AFFAIRS.bin().value(),
                        Organisation.JUSTICE.bin().value()),
                config.adapter("gbd-fl").orElseThrow().signerBins());
    }

    @Test
    void journalLivesInTheChosenDataDirectory(@TempDir Path dir) {
        GatewayConfig config = ConfigLoader.defaults(dir);
        assertTrue(
                config.journal().jdbcUrl().contains(dir.toAbsolutePath().toString()),
                config.journal().jdbcUrl());
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

    @Test
    void shippedSignerRulesFollowTheNationalCasUsualRights() {
        SignerRules rules = ConfigLoader.defaults().signerRules();
        assertEquals(
                java.util.Set.of(kz.shlyuz.certs.identity.HolderRole.INDIVIDUAL),
                rules.roles().individualApplicant());
        assertEquals(
                java.util.Set.of(
                        kz.shlyuz.certs.identity.HolderRole.LEGAL_FIRST_HEAD,
                        kz.shlyuz.certs.identity.HolderRole.LEGAL_SIGNING_RIGHT),
                rules.roles().legalEntityApplicant());
        assertTrue(rules.devPkiTrust());
        assertFalse(rules.softFailRevocation());
        assertTrue(rules.trustDirs().isEmpty());
    }

    @Test
    void holderRolesPerServiceAndTrustFoldersAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roles.json");
        Files.writeString(file, """
                {"listen": {}, "limits": {}, "journal": {}, "senders": {}, "adapters": {},
                 "trust": {"dirs": ["/etc/shlyuz/nca"], "devPki": false, "recheck": "PT1S", "revocation": "soft-fail"},
                 "holderRoles": {"operator": ["LEGAL_FIRST_HEAD"],
                                 "services": {"TEMPORARY_ID": {"individualApplicant": ["INDIVIDUAL", "LEGAL_HR"]}}}}
                """);
        SignerRules rules = ConfigLoader.load(file, null).signerRules();
        assertEquals(java.util.List.of(Path.of("/etc/shlyuz/nca")), rules.trustDirs());
        assertFalse(rules.devPkiTrust());
        assertTrue(rules.softFailRevocation());
        assertEquals(Duration.ofSeconds(1), rules.trustRecheck());
        assertEquals(
                java.util.Set.of(
                        kz.shlyuz.certs.identity.HolderRole.INDIVIDUAL, kz.shlyuz.certs.identity.HolderRole.LEGAL_HR),
                rules.rolesFor("TEMPORARY_ID").individualApplicant());
        assertEquals(
                java.util.Set.of(kz.shlyuz.certs.identity.HolderRole.LEGAL_FIRST_HEAD),
                rules.rolesFor("TEMPORARY_ID").operator(),
                "a service inherits what it does not override");
        assertEquals(
                java.util.Set.of(kz.shlyuz.certs.identity.HolderRole.INDIVIDUAL),
                rules.rolesFor("ADDRESS_CERTIFICATE").individualApplicant());
    }

    @Test
    void unknownHolderRoleIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad-role.json");
        Files.writeString(file, """
                {"listen": {}, "limits": {}, "journal": {}, "senders": {}, "adapters": {},
                 "holderRoles": {"operator": ["CHIEF"]}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(file, null));
        assertTrue(e.getMessage().contains("holderRoles.operator: CHIEF"), e.getMessage());
    }
}
