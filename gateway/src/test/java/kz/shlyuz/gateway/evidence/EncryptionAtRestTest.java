package kz.shlyuz.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.KeyGenerator;
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

/** Bodies encrypted at rest under rotating keys; the data directory closed to other accounts. */
class EncryptionAtRestTest {

    private static void keystore(Path file, String... aliases) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String alias : aliases) {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            store.setEntry(
                    alias,
                    new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection("secret".toCharArray()));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
    }

    private static EvidenceItem item(int i) {
        Instant at = Instant.parse("2026-11-20T04:00:00Z");
        return new EvidenceItem(
                EvidenceItem.Kind.CALL,
                "egov-portal",
                "m-" + i,
                "ADDRESS_CERTIFICATE",
                null,
                "ANSWERED",
                null,
                EvidenceItem.Decision.POSITIVE,
                at,
                at,
                1,
                1,
                2,
                EvidenceItem.body(("IIN 900314300123 request " + i).getBytes(StandardCharsets.UTF_8)),
                EvidenceItem.body(("cms " + i).getBytes(StandardCharsets.UTF_8)),
                EvidenceItem.body(("answer " + i).getBytes(StandardCharsets.UTF_8)),
                List.of());
    }

    @Test
    void keepsBodiesEncryptedUnderTheCurrentKeyAndReadsThemAfterRotation(@TempDir Path dir) throws Exception {
        // Rotation: the keystore holds the old key and the new one; the new one is made current.
        Path keys = dir.resolve("keys.p12");
        keystore(keys, "k2026", "k2027");
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-20T04:00:00Z"));
        EvidenceSettings first = EvidenceSettings.defaults(dir)
                .withNodeId("n1")
                .withEncryption(new EvidenceSettings.Encryption(keys, "PKCS12", "secret", "k2026"));
        EvidenceSettings rotated =
                first.withEncryption(new EvidenceSettings.Encryption(keys, "PKCS12", "secret", "k2027"));
        TimeStampAuthority tsa = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), Clock.systemUTC());
        try (HikariDataSource db = JournalDatabase.open(
                new GatewayConfig.JournalSettings("jdbc:h2:file:" + dir.resolve("journal"), "shlyuz", "", 4))) {
            try (EvidenceLog log =
                    EvidenceLog.open(first, db, "jdbc:h2:mem:x", tsa, clock, Duration.ofSeconds(10), "x")) {
                log.record(item(1)).await();
            }
            try (EvidenceLog log =
                    EvidenceLog.open(rotated, db, "jdbc:h2:mem:x", tsa, clock, Duration.ofSeconds(10), "x")) {
                log.record(item(2)).await();
                assertTrue(log.stampNow());
            }
            try (Connection c = db.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("SELECT key_id, request_content FROM evidence_record ORDER BY seq")) {
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("k2026", rs.getString(1));
                    byte[] stored = rs.getBytes(2);
                    assertFalse(
                            new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("900314300123"),
                            "no IIN in clear");
                    assertArrayEquals(
                            item(1).requestContent().toByteArray(),
                            BodyCipher.open(rotated.encryption())
                                    .open(stored, "k2026", EvidenceLog.Parts.REQUEST_CONTENT));
                    assertTrue(rs.next());
                    assertEquals("k2027", rs.getString(1));
                }
            }
            SignatureVerifier offline = new SignatureVerifier(
                    new TrustMaterial(
                            TestPki.get().signingTrustAnchors(),
                            TestPki.get().signingIntermediates(),
                            TestPki.get().crls()),
                    Clock.systemUTC(),
                    new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
            ChainVerifier.Report report = new ChainVerifier(
                            db, rotated.archiveDir(), BodyCipher.open(rotated.encryption()), offline::verifyTimeStamp)
                    .verify(null, null);
            assertTrue(report.holds(), report.findings().toString());
            // Without the keys the bodies cannot be checked, and verify says so rather than pass.
            ChainVerifier.Report keyless = new ChainVerifier(
                            db, rotated.archiveDir(), BodyCipher.off(), offline::verifyTimeStamp)
                    .verify(null, null);
            assertFalse(keyless.holds());
        }
    }

    @Test
    void refusesACurrentKeyTheKeystoreDoesNotHold(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.p12");
        keystore(keys, "k2026");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BodyCipher.open(new EvidenceSettings.Encryption(keys, "PKCS12", "secret", "k2099")));
        assertTrue(e.getMessage().contains("k2099"), e.getMessage());
    }

    @Test
    void closesTheDataDirectoryAndFixesFilesLeftWorldReadable(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("pki"));
        Path old = Files.writeString(data.resolve("journal.mv.db"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDirectory.secure(data, "jdbc:h2:file:" + data.resolve("journal"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("pki"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }
}
