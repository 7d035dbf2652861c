package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.NcaTestMaterial;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.ops.config.StartupChecks;
import kz.shlyuz.gateway.ops.health.WeakenedChecks;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust is explicit (issue 9): the dev PKI only when the configuration says {@code trust.devPki:
 * true} (the shipped defaults do, and say so); a configuration naming folders trusts exactly those;
 * one naming no trust does not start and says what to add.
 */
class TrustIsExplicitTest {
    private static ObjectNode shippedWithTrust(ObjectNode trust) {
        ObjectNode tree = ConfigLoader.defaultsTree().deepCopy();
        if (trust == null) {
            tree.remove("trust");
        } else {
            tree.set("trust", trust);
        }
        return tree;
    }

    @Test
    void aConfigurationWithoutDevTrustRefusesADevPkiSignatureWithCertUntrusted(@TempDir Path dir) throws Exception {
        ObjectNode trust = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        trust.putArray("dirs").add(NcaTestMaterial.file("ca").toString());
        GatewayConfig national = ConfigLoader.fromTree(shippedWithTrust(trust), dir);
        assertFalse(national.signerRules().devPkiTrust(), "omitted devPki is false");
        try (OpsEnvironment env =
                new OpsEnvironment(Clock.systemUTC(), c -> c.withSignerRules(national.signerRules()))) {
            StatusRuntimeException e = assertThrows(
                    StatusRuntimeException.class,
                    () -> env.client("egov-portal").call(env.addressRequest(Persona.CLEAN, Persona.CLEAN.key())));
            Refusals.Refused r = Refusals.read(e);
            assertEquals("CERT_UNTRUSTED", r.reason());
            assertEquals(Status.Code.UNAUTHENTICATED.name(), r.code());
            assertEquals("SCE016", r.shepCode());
            assertFalse(r.kazakh().isBlank());
            assertFalse(r.russian().isBlank());
            assertFalse(env.admin.get("/health/ready").body().contains("trust.devPki"), "no dev trust to warn of");
        }
    }

    @Test
    void aConfigurationNamingNoTrustDoesNotStartAndSaysWhatToAdd(@TempDir Path dir) {
        GatewayConfig none = ConfigLoader.fromTree(shippedWithTrust(null), dir)
                .withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        assertFalse(none.signerRules().devPkiTrust());
        List<String> errors = StartupChecks.errors(none);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("\"devPki\": true") && errors.get(0).contains("\"dirs\""), errors.get(0));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GatewayServer.start(none, DevMaterial.from(TestPki.get(), Clock.systemUTC()))
                        .close());
        assertTrue(e.getMessage().contains("trust") && e.getMessage().contains("\"devPki\": true"), e.getMessage());
    }

    @Test
    void theShippedDefaultsTrustTheDevPkiAndSayItIsAWeakenedCheck() {
        GatewayConfig shipped = ConfigLoader.defaults();
        assertTrue(shipped.signerRules().devPkiTrust());
        assertTrue(WeakenedChecks.of(shipped).stream().anyMatch(w -> w.setting().equals("trust.devPki: true")));
        GatewayConfig weak = shipped.withSignerRules(shipped.signerRules()
                .withSoftFailRevocation(true)
                .withOcsp(kz.shlyuz.gateway.signature.OcspSettings.defaults()
                        .withEnabled(false)
                        .withTimeout(java.time.Duration.ofSeconds(1))
                        .withCacheTtl(java.time.Duration.ZERO)));
        List<String> settings = WeakenedChecks.of(weak).stream()
                .map(WeakenedChecks.Weakened::setting)
                .toList();
        assertTrue(
                settings.containsAll(
                        List.of("trust.devPki: true", "trust.revocation: soft-fail", "trust.ocsp.enabled: false")),
                settings.toString());
    }
}
