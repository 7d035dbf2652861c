package kz.shlyuz.bench.micro;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.EvidenceItem;
import kz.shlyuz.gateway.evidence.EvidenceLog;
import kz.shlyuz.gateway.evidence.RevocationItem;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.journal.JdbcJournal;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.journal.JournalEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the evidence archive adds to a call's durable record (issue 13): the journal's group
 * commit alone, and with the call's evidence record queued before the journal commit and awaited
 * after it, as the gateway does — in full (bodies of a typical signed call) and metadata-only. At
 * the end of a trial it prints the database's bytes per message. Lead measures on a quiet machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvidenceLogBenchmark {
    /** {@code none}: the journal only; {@code metadata}, {@code full}: with the evidence record. */
    @Param({"none", "metadata", "full"})
    public String logging;

    private final AtomicLong ids = new AtomicLong();
    private Path dir;
    private HikariDataSource dataSource;
    private Journal journal;
    private EvidenceLog evidence;
    private byte[] content;
    private byte[] cms;
    private byte[] answer;
    private byte[] ocsp;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("shlyuz-jmh-evidence-");
        String url = "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        dataSource = JournalDatabase.open(new GatewayConfig.JournalSettings(url, "shlyuz", "", 8));
        journal = new GroupCommitJournal(
                new JdbcJournal(dataSource, Duration.ofSeconds(20), () -> {}), dataSource, url, Duration.ofSeconds(5));
        EvidenceSettings settings = EvidenceSettings.defaults(dir)
                .withMode(
                        logging.equals("full")
                                ? EvidenceSettings.Mode.FULL
                                : logging.equals("metadata")
                                        ? EvidenceSettings.Mode.METADATA
                                        : EvidenceSettings.Mode.NONE,
                        Map.of());
        evidence = EvidenceLog.open(
                settings,
                dataSource,
                url,
                new TimeStampAuthority(BenchPki.get().newTimeStampingKey("RSA"), Clock.systemUTC()),
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                "bench-node");
        // Sizes of the address-certificate call: request content, its CMS with the signer's chain,
        // the answer with two agency signatures and the gateway's stamped countersignature, one OCSP answer.
        Random random = new Random(13);
        content = bytes(random, 600);
        cms = bytes(random, 3_000);
        answer = bytes(random, 7_000);
        ocsp = bytes(random, 1_500);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        evidence.close();
        journal.close();
        long messages = ids.get();
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.printf(
                "%nEvidenceLogBenchmark logging=%s: %d messages, database %d bytes, %d bytes per message%n",
                logging, messages, bytes, messages == 0 ? 0 : bytes / messages);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** One answered call's durable record from eight request threads at once. */
    @Benchmark
    @Threads(8)
    public void answeredCallEightThreads() {
        Instant now = Instant.now();
        String id = "bench-" + ids.incrementAndGet();
        JournalEntry entry = new JournalEntry(
                now,
                now,
                "egov-portal",
                id,
                kz.shlyuz.gateway.services.Service.ADDRESS_CERTIFICATE.id(),
                "0f3c5e2b9a7d4c1e8f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
                "1990-03-14******; RSA",
                JournalEntry.Outcome.ANSWERED,
                null,
                "OK",
                null,
                "gbd-fl",
                900,
                4000,
                6000);
        EvidenceLog.Pending pending = evidence.record(new EvidenceItem(
                EvidenceItem.Kind.CALL,
                "egov-portal",
                id,
                kz.shlyuz.gateway.services.Service.ADDRESS_CERTIFICATE.id(),
                null,
                "ANSWERED",
                null,
                EvidenceItem.Decision.POSITIVE,
                now,
                now,
                900,
                4000,
                6000,
                EvidenceItem.body(content),
                EvidenceItem.body(cms),
                EvidenceItem.body(answer),
                List.of(new RevocationItem("request", "1a2b3c", EvidenceItem.body(ocsp), null))));
        journal.append(entry);
        pending.await();
    }
}
