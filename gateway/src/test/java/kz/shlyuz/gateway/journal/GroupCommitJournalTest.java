package kz.shlyuz.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends committed in groups: every caller's entry is there, also after the process dies right after. */
class GroupCommitJournalTest {
    @TempDir
    Path dir;

    static JournalEntry entry(String messageId) {
        Instant now = Instant.now();
        return new JournalEntry(
                now,
                now,
                "egov-portal",
                messageId,
                "ADDRESS_CERTIFICATE",
                "ab".repeat(32),
                "1990-03-14******",
                JournalEntry.Outcome.ANSWERED,
                null,
                "OK",
                null,
                "gbd-fl",
                10,
                20,
                30);
    }

    private GroupCommitJournal open(String url) {
        HikariDataSource ds = JournalDatabase.open(new GatewayConfig.JournalSettings(url, "shlyuz", "", 4));
        return new GroupCommitJournal(new JdbcJournal(ds, Duration.ofSeconds(20), ds), ds, url, Duration.ofSeconds(10));
    }

    @Test
    void concurrentAppendsAreEachCommittedExactlyOnceBeforeTheyReturn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GroupCommitJournal journal = open(url)) {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "m" + i;
                appends.add(callers.submit(() -> journal.append(entry(id))));
            }
            for (Future<?> f : appends) {
                f.get(30, TimeUnit.SECONDS);
            }
            List<JournalEntry> recorded = journal.recent(1000);
            assertEquals(400, recorded.size());
            Set<String> ids = new HashSet<>();
            recorded.forEach(e -> ids.add(e.messageId()));
            assertEquals(400, ids.size());
            assertEquals(
                    List.of(entry("m7").outcome()),
                    journal.entries("egov-portal", "m7").stream()
                            .map(JournalEntry::outcome)
                            .toList());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void ofManyConcurrentClaimsOfOneMessageExactlyOneWinsAndTheAnswerIsThenReplayed() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (GroupCommitJournal journal = open(url)) {
            for (int round = 0; round < 20; round++) {
                String id = "same-" + round;
                List<Future<Claim>> claims = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    claims.add(callers.submit(
                            () -> journal.claim("egov-portal", id, "aa", "ADDRESS_CERTIFICATE", Instant.now())));
                }
                int won = 0;
                for (Future<Claim> claim : claims) {
                    Claim result = claim.get(30, TimeUnit.SECONDS);
                    if (result instanceof Claim.Claimed) {
                        won++;
                    } else {
                        assertInstanceOf(Claim.InProgress.class, result);
                    }
                }
                assertEquals(1, won, "claims of " + id);
                journal.complete("egov-portal", id, new byte[] {(byte) round}, Instant.now());
                Claim replay = journal.claim("egov-portal", id, "aa", "ADDRESS_CERTIFICATE", Instant.now());
                assertArrayEquals(
                        new byte[] {(byte) round},
                        ((Claim.Completed) replay).response().toByteArray());
                assertInstanceOf(
                        Claim.Conflict.class,
                        journal.claim("egov-portal", id, "bb", "ADDRESS_CERTIFICATE", Instant.now()));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCompletionWithoutAClaimFailsOnlyItsOwnCaller() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        try (GroupCommitJournal journal = open(url)) {
            assertInstanceOf(
                    Claim.Claimed.class,
                    journal.claim("egov-portal", "ok", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<?> stray =
                        callers.submit(() -> journal.complete("egov-portal", "stray", new byte[] {1}, Instant.now()));
                Future<?> good =
                        callers.submit(() -> journal.complete("egov-portal", "ok", new byte[] {2}, Instant.now()));
                good.get(30, TimeUnit.SECONDS);
                ExecutionException e = assertThrows(ExecutionException.class, () -> stray.get(30, TimeUnit.SECONDS));
                assertInstanceOf(JournalException.class, e.getCause());
            } finally {
                callers.shutdownNow();
            }
            assertArrayEquals(
                    new byte[] {2},
                    ((Claim.Completed) journal.claim("egov-portal", "ok", "aa", "ADDRESS_CERTIFICATE", Instant.now()))
                            .response()
                            .toByteArray());
        }
    }

    @Test
    void aRecordedAnswerOutlivesTheProcessAndAReleasedClaimCanBeTakenAgain() {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        try (GroupCommitJournal journal = open(url)) {
            assertInstanceOf(
                    Claim.Claimed.class, journal.claim("hkko", "kept", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            journal.complete("hkko", "kept", new byte[] {5}, Instant.now(), entry("kept"));
            assertInstanceOf(
                    Claim.Claimed.class, journal.claim("hkko", "dropped", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            journal.release("hkko", "dropped");
            assertInstanceOf(
                    Claim.Claimed.class, journal.claim("hkko", "dropped", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
        }
        try (GroupCommitJournal reopened = open(url)) {
            assertArrayEquals(
                    new byte[] {5},
                    ((Claim.Completed) reopened.claim("hkko", "kept", "aa", "ADDRESS_CERTIFICATE", Instant.now()))
                            .response()
                            .toByteArray());
            // An unanswered claim is not kept: the retry is processed afresh.
            assertInstanceOf(
                    Claim.Claimed.class, reopened.claim("hkko", "dropped", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            assertEquals(1, reopened.entries("egov-portal", "kept").size());
        }
    }

    @Test
    void aStaleClaimRowOfAnotherNodeIsTakenOverAndCompleted() {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        HikariDataSource ds = JournalDatabase.open(new GatewayConfig.JournalSettings(url, "shlyuz", "", 4));
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        try (JdbcJournal otherNode = new JdbcJournal(ds, Duration.ofSeconds(20), () -> {})) {
            assertInstanceOf(
                    Claim.Claimed.class, otherNode.claim("hkko", "orphan", "aa", "ADDRESS_CERTIFICATE", longAgo));
            assertInstanceOf(
                    Claim.Claimed.class, otherNode.claim("hkko", "fresh", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
        }
        try (GroupCommitJournal journal = new GroupCommitJournal(
                new JdbcJournal(ds, Duration.ofSeconds(20), ds), ds, url, Duration.ofSeconds(10))) {
            // Still within its lease: the other node is working on it.
            assertInstanceOf(
                    Claim.InProgress.class, journal.claim("hkko", "fresh", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            assertInstanceOf(
                    Claim.Claimed.class, journal.claim("hkko", "orphan", "aa", "ADDRESS_CERTIFICATE", Instant.now()));
            journal.complete("hkko", "orphan", new byte[] {3}, Instant.now());
            assertArrayEquals(
                    new byte[] {3},
                    ((Claim.Completed) journal.claim("hkko", "orphan", "aa", "ADDRESS_CERTIFICATE", Instant.now()))
                            .response()
                            .toByteArray());
        }
    }

    @Test
    void appendAfterCloseIsRefusedWithAJournalError() {
        GroupCommitJournal journal = open("jdbc:h2:file:" + dir.resolve("closed"));
        journal.append(entry("before"));
        journal.close();
        JournalException e = assertThrows(JournalException.class, () -> journal.append(entry("after")));
        assertTrue(e.getMessage().contains("closing"), e.getMessage());
    }

    @Test
    void entriesWhoseAppendReturnedSurviveAnImmediateProcessCrash() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        GroupCommitCrashMain.class.getName(),
                        dir.toString(),
                        "200")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String said;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            said = out.readLine();
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        assertEquals("APPENDED", said);

        try (GroupCommitJournal reopened = open("jdbc:h2:file:" + dir.resolve("journal"))) {
            assertEquals(200, reopened.recent(1000).size());
        }
    }
}
