package kz.shlyuz.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real embedded H2 file database, migrated by Flyway. */
class JdbcJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private JdbcJournal journal;

    @BeforeEach
    void open() {
        HikariDataSource ds = JournalDatabase.open(
                new GatewayConfig.JournalSettings("jdbc:h2:file:" + dir.resolve("journal"), "shlyuz", "", 2));
        journal = new JdbcJournal(ds, Duration.ofSeconds(20), ds);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void firstClaimWinsAndTheSameMessageIsThenInProgress() {
        assertInstanceOf(Claim.Claimed.class, journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0));
        assertInstanceOf(Claim.InProgress.class, journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0));
    }

    @Test
    void completedMessageReturnsItsRecordedAnswer() {
        journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0);
        journal.complete("hkko", "m1", new byte[] {1, 2, 3}, T0);
        Claim again = journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0.plusSeconds(1));
        assertArrayEquals(
                new byte[] {1, 2, 3}, ((Claim.Completed) again).response().toByteArray());
    }

    @Test
    void sameIdWithOtherContentConflicts() {
        journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0);
        journal.complete("hkko", "m1", new byte[] {1}, T0);
        assertInstanceOf(Claim.Conflict.class, journal.claim("hkko", "m1", "bb", "ADDRESS_CERTIFICATE", T0));
    }

    @Test
    void messageIdsAreScopedBySender() {
        journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0);
        assertInstanceOf(Claim.Claimed.class, journal.claim("egov-portal", "m1", "bb", "ADDRESS_CERTIFICATE", T0));
    }

    @Test
    void releasedClaimCanBeClaimedAgain() {
        journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0);
        journal.release("hkko", "m1");
        assertInstanceOf(Claim.Claimed.class, journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0));
    }

    @Test
    void claimOfANodeThatDiedIsTakenOverAfterTheLease() {
        journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0);
        assertInstanceOf(Claim.InProgress.class, journal.claim("hkko", "m1", "aa", "X", T0.plusSeconds(19)));
        assertInstanceOf(Claim.Claimed.class, journal.claim("hkko", "m1", "aa", "X", T0.plusSeconds(21)));
        assertInstanceOf(Claim.InProgress.class, journal.claim("hkko", "m1", "aa", "X", T0.plusSeconds(22)));
    }

    @Test
    void entriesSurviveReopeningTheDatabase() {
        journal.append(new JournalEntry(
                T0,
                T0.plusMillis(5),
                "hkko",
                "m1",
                "ADDRESS_CERTIFICATE",
                "aa",
                "IIN 900314****** (INDIVIDUAL)",
                JournalEntry.Outcome.REFUSED,
                "CERT_REVOKED",
                "UNAUTHENTICATED",
                "revoked",
                null,
                1200,
                -1,
                5000));
        journal.close();
        open();
        List<JournalEntry> entries = journal.entries("hkko", "m1");
        assertEquals(1, entries.size());
        assertEquals("CERT_REVOKED", entries.get(0).reason());
        assertEquals(0, entries.get(0).agencyMicros(), "an absent timing reads back as 0");
        assertEquals(T0, entries.get(0).receivedAt());
    }
}
