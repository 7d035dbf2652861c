package kz.shlyuz.gateway.evidence;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.HexFormat;
import java.util.Random;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;

/**
 * Run in a child JVM with a small heap: writes N chained records (with bodies) and a stamp,
 * advances the clock past retention, archives them all and verifies the chain across the
 * archive. Prints {@code ARCHIVED first last}, {@code VERIFIED records findings} and the peak heap.
 */
public final class ArchiveHeapMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int bodyBytes = Integer.parseInt(args[3]);
        // The parent's dev PKI, loaded rather than generated again (generating takes most of a minute).
        long loading = System.nanoTime();
        kz.shlyuz.certs.pki.DevPki pki = kz.shlyuz.certs.pki.DevPki.load(Path.of(args[2]));
        System.out.println("PKI_LOADED " + (System.nanoTime() - loading) / 1_000_000 + " ms");
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (HikariDataSource db = JournalDatabase.open(new GatewayConfig.JournalSettings(
                // Compressed pages and no retained old chunks: the run must fit a CI disk with little
                // room (it once failed there with "No space left on device" at 586 MB).
                "jdbc:h2:file:" + dir.resolve("journal")
                        + ";CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;RETENTION_TIME=0",
                "shlyuz",
                "",
                2))) {
            long t0 = System.nanoTime();
            Random random = new Random(13);
            String prev = Digests.GENESIS;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement(EvidenceRecord.INSERT)) {
                    for (int i = 1; i <= n; i++) {
                        byte[] body = document(random, i, bodyBytes);
                        Instant t = clock.instant().plusMillis(i);
                        EvidenceRecord r = new EvidenceRecord(
                                        "heap-node",
                                        0,
                                        "CALL",
                                        "FULL",
                                        "egov-portal",
                                        "m-" + i,
                                        "ADDRESS_CERTIFICATE",
                                        null,
                                        "ANSWERED",
                                        null,
                                        "POSITIVE",
                                        t,
                                        t,
                                        1,
                                        1,
                                        2,
                                        t.atZone(java.time.ZoneOffset.UTC)
                                                .plus(Period.ofYears(5))
                                                .toInstant(),
                                        Digests.hex(body),
                                        null,
                                        Digests.hex(body),
                                        null,
                                        null,
                                        null,
                                        null)
                                .linked(i, prev);
                        prev = r.digest();
                        r.bind(insert);
                        insert.setBytes(25, body);
                        insert.setBytes(26, null);
                        insert.setBytes(27, body);
                        insert.setBytes(28, null);
                        insert.addBatch();
                        if (i % 1000 == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                        if (i % 10000 == 0) {
                            System.out.println("PROGRESS " + i + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
                TimeStampAuthority tsa = new TimeStampAuthority(pki.newTimeStampingKey("RSA"), Clock.systemUTC());
                try (PreparedStatement stamp = c.prepareStatement(
                        "INSERT INTO evidence_stamp (node_id, seq, digest, stamped_at, token) VALUES (?, ?, ?, ?, ?)")) {
                    stamp.setString(1, "heap-node");
                    stamp.setLong(2, n);
                    stamp.setString(3, prev);
                    stamp.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
                    stamp.setBytes(5, tsa.timeStampToken(HexFormat.of().parseHex(prev)));
                    stamp.executeUpdate();
                }
                c.commit();
            }
            clock.advance(java.time.Duration.ofDays(6 * 366));
            EvidenceSettings settings = EvidenceSettings.defaults(dir).withNodeId("heap-node");
            long start = System.nanoTime();
            EvidenceArchiver.Archived archived = new EvidenceArchiver(db, settings, "heap-node", clock)
                    .archive()
                    .orElseThrow();
            System.out.println("WRITTEN " + n + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            System.out.println("ARCHIVED " + archived.firstSeq() + " " + archived.lastSeq() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            SignatureVerifier verifier = new SignatureVerifier(
                    new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
                    Clock.systemUTC(),
                    new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
            ChainVerifier.Report report = new ChainVerifier(
                            db, settings.archiveDir(), BodyCipher.off(), verifier::verifyTimeStamp)
                    .verify(null, null);
            System.out.println(
                    "VERIFIED " + report.records() + " " + report.findings().size() + " "
                            + report.findings().stream().limit(3).toList());
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println(
                    "PEAK_HEAP " + peak + " MAX " + Runtime.getRuntime().maxMemory());
            try (Connection c = db.getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM evidence_record")) {
                rs.next();
                System.out.println("LEFT " + rs.getLong(1));
            }
        }
    }

    private static final String[] WORDS = {
        "Астана",
        "Алматы",
        "көшесі",
        "улица",
        "үй",
        "дом",
        "пәтер",
        "квартира",
        "тіркелген",
        "зарегистрирован",
        "мекенжай",
        "адрес",
        "ауданы",
        "район",
        "облысы",
        "область"
    };

    /**
     * A body that reads like an agency's answer (text that deflate shrinks, as real ones do),
     * different in every record, of exactly {@code bytes} bytes.
     */
    private static byte[] document(Random random, int seq, int bytes) {
        StringBuilder text = new StringBuilder("{\"seq\":").append(seq).append(",\"address\":\"");
        while (text.length() < bytes) {
            text.append(WORDS[random.nextInt(WORDS.length)])
                    .append(' ')
                    .append(random.nextInt(300))
                    .append(' ');
        }
        byte[] body = new byte[bytes];
        byte[] utf8 = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, body, 0, bytes);
        return body;
    }
}
