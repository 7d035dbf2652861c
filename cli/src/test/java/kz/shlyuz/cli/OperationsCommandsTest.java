package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.OpsSettings;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor}, {@code maintenance} and {@code config check} against a real gateway whose gbd-ul
 * adapter is down: doctor says so and exits non-zero, maintenance drains and restores the node,
 * config check refuses a configuration without trust and flags weakened checks.
 */
class OperationsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command's exit status and standard output. */
    private record Run(int status, String out) {}

    private static Run shlyuz(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int status = ShlyuzCommand.commandLine(args).execute(args);
            return new Run(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void doctorAndMaintenanceWorkAgainstARunningGateway(@TempDir Path dir) throws Exception {
        DevPki pki = TestPki.shared();
        Clock clock = Clock.systemUTC();
        GatewayConfig defaults = ConfigLoader.defaults(dir)
                .withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        try (AdapterServer gbdFl = AdapterServer.start(new AdapterConfig(
                "gbd-fl",
                pki,
                new InetSocketAddress("127.0.0.1", 0),
                clock,
                Duration.ofSeconds(2),
                Set.of(DevMaterial.GATEWAY_SYSTEM)))) {
            Map<String, AdapterEndpoint> adapters = new LinkedHashMap<>();
            adapters.put(
                    "gbd-fl",
                    new AdapterEndpoint(
                            "127.0.0.1",
                            gbdFl.port(),
                            defaults.adapter("gbd-fl").orElseThrow().signerBins()));
            adapters.put(
                    "gbd-ul",
                    new AdapterEndpoint(
                            "127.0.0.1",
                            closedPort(),
                            defaults.adapter("gbd-ul").orElseThrow().signerBins()));
            try (GatewayServer gateway =
                    GatewayServer.start(defaults.withAdapters(adapters), DevMaterial.from(pki, clock))) {
                String admin = "http://127.0.0.1:" + gateway.operations().adminPort();

                Run doctor = shlyuz("doctor", "--admin", admin);
                assertEquals(2, doctor.status(), doctor.out());
                assertTrue(doctor.out().contains("PROBLEM adapter:gbd-ul is DOWN"), doctor.out());
                assertTrue(doctor.out().contains("WARNING weakened check trust.devPki: true"), doctor.out());
                assertTrue(doctor.out().contains("trust_anchor"), doctor.out());
                assertTrue(doctor.out().matches("(?s).*database: h2, UP, migration \\d+.*"), doctor.out());
                assertTrue(doctor.out().contains("disk: "), doctor.out());

                Run json = shlyuz("doctor", "--json", "--admin", admin);
                assertEquals(2, json.status());
                JsonNode report = JSON.readTree(json.out());
                assertEquals(
                        "NOT_READY", report.path("readiness").path("status").asText());
                assertTrue(report.path("attention").size() >= 2, json.out());

                Run on = shlyuz("maintenance", "on", "--admin", admin);
                assertEquals(0, on.status(), on.out());
                assertTrue(on.out().startsWith("maintenance ON since "), on.out());
                assertTrue(gateway.operations().maintenance().active());
                assertTrue(shlyuz("doctor", "--admin", admin).out().contains("maintenance mode is on"));
                Run off = shlyuz("maintenance", "off", "--admin", admin);
                assertTrue(off.out().startsWith("maintenance OFF"), off.out());
                assertTrue(!gateway.operations().maintenance().active());
            }
        }
        Run unreachable = shlyuz("doctor", "--admin", "http://127.0.0.1:" + closedPort());
        assertEquals(2, unreachable.status());
        assertTrue(unreachable.out().contains("cannot reach the admin listener"), unreachable.out());
    }

    @Test
    void maintenancePresentsAnAdminClientCertificateWhenLoopbackIsNotTrusted(@TempDir Path dir) throws Exception {
        DevPki pki = TestPki.shared();
        GatewayConfig defaults = ConfigLoader.defaults(dir).withPort(0);
        OpsSettings.Admin a = defaults.ops().withAdminPort(0).admin();
        GatewayConfig config = defaults.withOps(defaults.ops()
                .withAdmin(new OpsSettings.Admin(a.enabled(), a.host(), a.port(), Set.of("egov-portal"), true, false)));
        try (GatewayServer gateway = GatewayServer.start(config, DevMaterial.from(pki, Clock.systemUTC()))) {
            String admin = "https://127.0.0.1:" + gateway.operations().adminPort();
            String[] portal = {
                "--cert",
                pki.tlsCertChainPem("egov-portal").toString(),
                "--key",
                pki.tlsKeyPem("egov-portal").toString(),
                "--ca",
                pki.tlsTrustPem().toString()
            };

            assertEquals(
                    2,
                    shlyuz("maintenance", "on", "--admin", admin, "--cert", portal[1])
                            .status(),
                    "--cert alone is a usage mistake");
            assertEquals(
                    1,
                    shlyuz(
                                    "maintenance",
                                    "on",
                                    "--admin",
                                    admin,
                                    "--cert",
                                    pki.tlsCertChainPem("hkko").toString(),
                                    "--key",
                                    pki.tlsKeyPem("hkko").toString(),
                                    "--ca",
                                    portal[5])
                            .status(),
                    "a system not named in adminClients is refused (403)");
            assertTrue(!gateway.operations().maintenance().active());

            Run on = shlyuz(concat(new String[] {"maintenance", "on", "--admin", admin}, portal));
            assertEquals(0, on.status(), on.out());
            assertTrue(on.out().contains("(by admin certificate egov-portal)"), on.out());
            assertTrue(gateway.operations().maintenance().active());
            Run off = shlyuz(concat(new String[] {"maintenance", "off", "--admin", admin}, portal));
            assertEquals(0, off.status(), off.out());
            assertTrue(!gateway.operations().maintenance().active());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void configCheckRefusesAConfigurationWithoutTrustAndFlagsWeakenedChecks(@TempDir Path dir) throws Exception {
        Run shipped = shlyuz("config", "check");
        assertEquals(0, shipped.status(), shipped.out());
        assertTrue(shipped.out().contains("WARNING weakened check trust.devPki: true"), shipped.out());
        assertTrue(shipped.out().contains("OK: the shipped defaults is valid"), shipped.out());

        var tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                ConfigLoader.defaultsTree().deepCopy();
        tree.remove("trust");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("journal")).put("password", "s3cret");
        Path file = dir.resolve("no-trust.json");
        Files.writeString(file, JSON.writeValueAsString(tree));
        Run noTrust = shlyuz("config", "check", file.toString());
        assertEquals(1, noTrust.status(), noTrust.out());
        assertTrue(noTrust.out().contains("INVALID: trust: no document-signature trust"), noTrust.out());
        assertTrue(
                !noTrust.out().contains("s3cret") && noTrust.out().contains("\"password\" : \"****\""), noTrust.out());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"listen\": {}}");
        Run invalid = shlyuz("config", "check", broken.toString());
        assertEquals(1, invalid.status());
        assertTrue(invalid.out().startsWith("INVALID: "), invalid.out());
    }
}
