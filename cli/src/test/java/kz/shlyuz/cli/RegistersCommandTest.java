package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./shlyuz registers}: the exit-case book of a gateway that ran a case through TLS, exported and audited. */
class RegistersCommandTest {
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

    @Test
    @DisplayName("002 §19 annex 3: registers export writes the exit-case book of a case run through TLS as CSV and"
            + " records who exported it")
    void exportsTheExitCaseBookAsCsvAndRecordsTheExport(@TempDir Path dir) throws Exception {
        DevPki pki = TestPki.shared();
        Clock clock = Clock.systemUTC();
        GatewayConfig defaults = ConfigLoader.defaults(dir)
                .withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        List<AdapterServer> adapters = new ArrayList<>();
        String caseId;
        try {
            Map<String, AdapterEndpoint> endpoints = new LinkedHashMap<>();
            for (String agency : Agency.ids()) {
                AdapterServer adapter = AdapterServer.start(new AdapterConfig(
                        agency,
                        pki,
                        new InetSocketAddress("127.0.0.1", 0),
                        clock,
                        Duration.ofSeconds(1),
                        Set.of(DevMaterial.GATEWAY_SYSTEM)));
                adapters.add(adapter);
                endpoints.put(
                        agency,
                        new AdapterEndpoint(
                                "127.0.0.1",
                                adapter.port(),
                                defaults.adapter(agency).orElseThrow().signerBins()));
            }
            try (GatewayServer gateway =
                            GatewayServer.start(defaults.withAdapters(endpoints), DevMaterial.from(pki, clock));
                    GatewayClient hkko = new GatewayClient(
                            "127.0.0.1",
                            gateway.port(),
                            new TlsFiles(pki.tlsCertChainPem("hkko"), pki.tlsKeyPem("hkko"), pki.tlsTrustPem()),
                            DevMaterial.GATEWAY_SYSTEM,
                            Duration.ofSeconds(10))) {
                ExitPermanentResidenceRequest body = kz.shlyuz.adapters.samples.ExitQuestionnaire.of(
                                Persona.CLEAN.iin().value(),
                                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")))
                        .build();
                SubmitAck ack = hkko.submit(new RequestBuilder(new CmsSigner(clock))
                        .sign(
                                RequestBuilder.content("hkko", "EXIT_PERMANENT_RESIDENCE", body, Instant.now()),
                                List.of(pki.signerKey("hkko-operator"))));
                caseId = ack.getCaseId();
                var cabinet = CabinetGrpc.newBlockingStub(hkko.channel());
                Await.until(
                        () -> cabinet
                                .withDeadlineAfter(10, TimeUnit.SECONDS)
                                .listCases(ListCasesRequest.newBuilder()
                                        .setPageSize(50)
                                        .build())
                                .getCasesList()
                                .stream()
                                .anyMatch(c -> c.getCaseId().equals(ack.getCaseId())
                                        && c.getState().equals("APPROVED")),
                        Duration.ofSeconds(30),
                        () -> "the exit case is approved");
            }
        } finally {
            adapters.forEach(AdapterServer::close);
        }

        // With the gateway stopped, as journal verify: its data directory, its embedded journal.
        Path csv = dir.resolve("exports/book.csv");
        Run export = shlyuz(
                "registers",
                "export",
                "--data",
                dir.toString(),
                "--register",
                "exit-cases",
                "--out",
                csv.toString(),
                "--purpose",
                "quarterly check");
        assertEquals(0, export.status(), export.out());
        assertTrue(export.out().contains("1 row(s) of exit-cases (002 §19"), export.out());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF№,"), text);
        assertTrue(
                java.util.regex.Pattern.compile("\r\n1,ЖАНИБЕКОВ АЙДАР СЕРИКҰЛЫ,14\\.03\\.1990,[^,]+,DE,")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(text.contains(",рұқсат берілді / разрешено," + caseId + "\r\n"), text);
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)),
                "a register holds personal data: the file is the operator's alone");

        // Against the database by its JDBC URL: the register and its size.
        String jdbc = "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        Run list = shlyuz("registers", "list", "--db", jdbc + "?user=shlyuz");
        assertEquals(0, list.status(), list.out());
        assertTrue(list.out().contains("exit-cases  Шығу істерін есепке алу кітабы"), list.out());
        assertTrue(list.out().contains("rows: 1"), list.out());
        assertTrue(list.out().contains("consular-journal"), list.out());

        Run wrong = shlyuz("registers", "export", "--data", dir.toString(), "--register", "exit-book");
        assertEquals(2, wrong.status(), wrong.out());

        try (Connection c = DriverManager.getConnection(jdbc, "shlyuz", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT actor, register_name, row_count, destination, purpose "
                                + "FROM register_export ORDER BY id")) {
            assertTrue(rs.next(), "the export is recorded");
            assertEquals(System.getProperty("user.name"), rs.getString(1));
            assertEquals("exit-cases", rs.getString(2));
            assertEquals(1, rs.getInt(3));
            assertEquals(csv.toAbsolutePath().toString(), rs.getString(4));
            assertEquals("quarterly check", rs.getString(5));
            assertTrue(!rs.next(), "one export, one record");
        }
    }
}
