package kz.shlyuz.bench.micro;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.journal.JdbcJournal;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.services.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One journal entry per call, appended to the embedded H2 journal the gateway uses by default
 * (a file in a temporary folder, schema by Flyway), from one thread and from eight at once: one
 * auto-committed INSERT each (H2 then flushes to disk in the background, up to its write delay
 * later), the same with a disk sync per entry, and the group-commit journal (synced per group).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark {
    private final AtomicLong ids = new AtomicLong();
    private Path dir;
    private Journal journal;
    private Journal grouped;
    private HikariDataSource dataSource;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("shlyuz-jmh-journal-");
        String url = "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        dataSource = JournalDatabase.open(new GatewayConfig.JournalSettings(url, "shlyuz", "", 8));
        journal = new JdbcJournal(dataSource, Duration.ofSeconds(20), dataSource);
        grouped = new GroupCommitJournal(
                new JdbcJournal(dataSource, Duration.ofSeconds(20), () -> {}), dataSource, url, Duration.ofSeconds(5));
    }

    @TearDown(Level.Trial)
    public void close() {
        grouped.close();
        journal.close();
    }

    private static final String SERVICE = Service.ADDRESS_CERTIFICATE.id();

    JournalEntry entry() {
        Instant now = Instant.now();
        return new JournalEntry(
                now,
                now,
                "egov-portal",
                "bench-" + ids.incrementAndGet(),
                SERVICE,
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
    }

    @Benchmark
    @Threads(1)
    public void appendOneThread() {
        journal.append(entry());
    }

    @Benchmark
    @Threads(8)
    public void appendEightThreads() {
        journal.append(entry());
    }

    /** What one disk sync per call would cost: each append followed by its own H2 CHECKPOINT SYNC. */
    @Benchmark
    @Threads(8)
    public void appendAndSyncEachEightThreads() throws java.sql.SQLException {
        journal.append(entry());
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** Group commit: callers wait until their group is committed and synced to disk. */
    @Benchmark
    @Threads(1)
    public void groupCommitOneThread() {
        grouped.append(entry());
    }

    @Benchmark
    @Threads(8)
    public void groupCommitEightThreads() {
        grouped.append(entry());
    }
}
