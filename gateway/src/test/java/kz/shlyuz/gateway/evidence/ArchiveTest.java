package kz.shlyuz.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention and archiving on the process clock: years pass in a test, the chain stays verifiable. */
class ArchiveTest {
    private static final Instant START = Instant.parse("2026-11-20T04:00:00Z");

    private static SignatureVerifier offline() {
        return new SignatureVerifier(
                new TrustMaterial(
                        TestPki.get().signingTrustAnchors(),
                        TestPki.get().signingIntermediates(),
                        TestPki.get().crls()),
                Clock.systemUTC(),
                new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
    }

    private static EvidenceItem item(String service, EvidenceItem.Decision decision, Instant at, int i) {
        byte[] body = ("request " + i).getBytes(StandardCharsets.UTF_8);
        return new EvidenceItem(
                EvidenceItem.Kind.SUBMIT,
                "hkko",
                "m-" + i,
                service,
                null,
                decision == EvidenceItem.Decision.POSITIVE ? "ANSWERED" : "REFUSED",
                null,
                decision,
                at,
                at,
                1,
                1,
                2,
                EvidenceItem.body(body),
                EvidenceItem.body(("cms " + i).getBytes(StandardCharsets.UTF_8)),
                EvidenceItem.body(("ack " + i).getBytes(StandardCharsets.UTF_8)),
                List.of());
    }

    @Test
    void movesRecordsPastRetentionToHashLinkedArchivesAndVerifiesAcrossTheBoundary(@TempDir Path dir) throws Exception {
        AdjustableClock clock = new AdjustableClock(START);
        EvidenceSettings settings = EvidenceSettings.defaults(dir).withNodeId("node-a");
        try (HikariDataSource db = JournalDatabase.open(
                new GatewayConfig.JournalSettings("jdbc:h2:file:" + dir.resolve("journal"), "shlyuz", "", 4))) {
            // The authority keeps real time (its certificate is valid now); only the gateway's process clock runs
            // ahead.
            TimeStampAuthority tsa = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), Clock.systemUTC());
            EvidenceArchiver archiver = new EvidenceArchiver(db, settings, "node-a", clock);
            try (EvidenceLog log =
                    EvidenceLog.open(settings, db, "jdbc:h2:mem:x", tsa, clock, Duration.ofSeconds(10), "unused")) {
                // Two five-year records, then a positive exit decision (ten years), then two more five-year ones.
                log.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.POSITIVE, clock.instant(), 1))
                        .await();
                log.record(item("EXIT_PERMANENT_RESIDENCE", EvidenceItem.Decision.NEGATIVE, clock.instant(), 2))
                        .await();
                log.record(item("EXIT_PERMANENT_RESIDENCE", EvidenceItem.Decision.POSITIVE, clock.instant(), 3))
                        .await();
                log.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.NEGATIVE, clock.instant(), 4))
                        .await();
                assertTrue(log.stampNow());
                assertTrue(archiver.archive().isEmpty(), "nothing is past retention yet");

                clock.advance(Duration.ofDays(5 * 366));
                log.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.POSITIVE, clock.instant(), 5))
                        .await();
                assertTrue(log.stampNow());
                EvidenceArchiver.Archived first = archiver.archive().orElseThrow();
                // 1 and 2 are due; 3 (ten years) holds 4 and 5 back.
                assertEquals(1, first.firstSeq());
                assertEquals(2, first.lastSeq());
                assertEquals(
                        EvidenceArchiver.fileName("node-a", 1, 2),
                        first.file().getFileName().toString());
                assertEquals(3, count(db));

                clock.advance(Duration.ofDays(5 * 366));
                log.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.POSITIVE, clock.instant(), 6))
                        .await();
                assertTrue(log.stampNow());
                EvidenceArchiver.Archived second = archiver.archive().orElseThrow();
                assertEquals(3, second.firstSeq());
                assertEquals(5, second.lastSeq());
                assertEquals(1, count(db));
                log.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.POSITIVE, clock.instant(), 7))
                        .await();
                assertTrue(log.stampNow());
            }
            ChainVerifier verifier =
                    new ChainVerifier(db, settings.archiveDir(), BodyCipher.off(), offline()::verifyTimeStamp);
            ChainVerifier.Report report = verifier.verify(null, null);
            assertTrue(report.holds(), report.findings().toString());
            assertEquals(7, report.records());
            assertEquals(2, report.archives());

            // A reopened log continues the chain after the archives.
            try (EvidenceLog reopened =
                    EvidenceLog.open(settings, db, "jdbc:h2:mem:x", tsa, clock, Duration.ofSeconds(10), "unused")) {
                assertEquals(
                        8,
                        reopened.record(item("ADDRESS_CERTIFICATE", EvidenceItem.Decision.POSITIVE, clock.instant(), 8))
                                .await()
                                .seq());
                assertTrue(reopened.stampNow());
            }
            assertTrue(verifier.verify(null, null).holds());

            // A changed archive file is found.
            Path file = settings.archiveDir().resolve(EvidenceArchiver.fileName("node-a", 1, 2));
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
            ChainVerifier.Report broken = verifier.verify(null, null);
            assertFalse(broken.holds());
            assertEquals(1, broken.first().seq(), broken.findings().toString());
        }
    }

    private static long count(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM evidence_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The 100 000 records archived and verified in a 64 MB heap, with more bodies than the
     * heap could hold (2 × 1 KB each: 200 MB through 64 MB): memory does not grow with the log. The
     * bodies are text that compresses, as agency answers do, so the disk needs far less than 200 MB.
     * {@code -Dshlyuz.test.archiveRecords} and {@code -Dshlyuz.test.archiveBodyBytes} change the
     * size (e.g. 4096-byte bodies: 800 MB).
     */
    @Test
    void archivesMoreBodiesThanTheHeapHoldsWithoutRunningOutOfMemory(@TempDir Path dir) throws Exception {
        int records = Integer.getInteger("shlyuz.test.archiveRecords", 100_000);
        int bodyBytes = Integer.getInteger("shlyuz.test.archiveBodyBytes", 1024);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                ArchiveHeapMain.class.getName(),
                dir.toString(),
                Integer.toString(records),
                TestPki.get().dir().toString(),
                Integer.toString(bodyBytes)));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        boolean finished = child.waitFor(Integer.getInteger("shlyuz.test.archiveSeconds", 480), TimeUnit.SECONDS);
        if (!finished) {
            // Where it was, for the failure message.
            new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(child.pid()),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("child.log").toFile()))
                    .start()
                    .waitFor(20, TimeUnit.SECONDS);
            child.destroyForcibly().waitFor();
        }
        String out = Files.readString(dir.resolve("child.log"));
        System.out.println(out.lines().filter(l -> l.matches("^[A-Z_]+ .*")).toList());
        assertTrue(finished, "the archiving child finished in time: " + out);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("ARCHIVED 1 " + records), out);
        assertTrue(out.contains("VERIFIED " + records + " 0 "), out);
        assertTrue(out.contains("LEFT 0"), out);
    }
}
