package kz.shlyuz.gateway.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.async.AsyncEnvironment;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.Claim;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.journal.JdbcJournal;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Test;

/**
 * The storage behaviour every supported database must show: the same migrations, message
 * claims, durable cases run to their end, retries returning the same case, strictly increasing
 * cursors, and two gateway nodes sharing one database without doing any step twice.
 */
abstract class StorageSuite {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    /** A fresh, empty database of this backend. */
    abstract GatewayConfig.JournalSettings database() throws Exception;

    static ExitPermanentResidenceRequest exit(Persona p) {
        return kz.shlyuz.gateway.async.ExitRequests.of(p);
    }

    @Test
    void migrationsApplyAndMessageClaimsHold() throws Exception {
        HikariDataSource ds = JournalDatabase.open(database());
        try (JdbcJournal journal = new JdbcJournal(ds, Duration.ofSeconds(20), ds)) {
            assertInstanceOf(Claim.Claimed.class, journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0));
            assertInstanceOf(Claim.InProgress.class, journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0));
            journal.complete("hkko", "m1", new byte[] {7}, T0);
            assertArrayEquals(
                    new byte[] {7},
                    ((Claim.Completed) journal.claim("hkko", "m1", "aa", "ADDRESS_CERTIFICATE", T0))
                            .response()
                            .toByteArray());
            assertInstanceOf(Claim.Conflict.class, journal.claim("hkko", "m1", "bb", "ADDRESS_CERTIFICATE", T0));
        }
    }

    @Test
    void groupedClaimsAndCompletionsHoldTheSameRules() throws Exception {
        GatewayConfig.JournalSettings settings = database();
        HikariDataSource ds = JournalDatabase.open(settings);
        try (GroupCommitJournal journal = new GroupCommitJournal(
                new JdbcJournal(ds, Duration.ofSeconds(20), ds), ds, settings.jdbcUrl(), Duration.ofSeconds(10))) {
            assertInstanceOf(Claim.Claimed.class, journal.claim("hkko", "g1", "aa", "ADDRESS_CERTIFICATE", T0));
            assertInstanceOf(Claim.InProgress.class, journal.claim("hkko", "g1", "aa", "ADDRESS_CERTIFICATE", T0));
            journal.complete("hkko", "g1", new byte[] {9}, T0);
            assertArrayEquals(
                    new byte[] {9},
                    ((Claim.Completed) journal.claim("hkko", "g1", "aa", "ADDRESS_CERTIFICATE", T0))
                            .response()
                            .toByteArray());
            assertInstanceOf(Claim.Conflict.class, journal.claim("hkko", "g1", "bb", "ADDRESS_CERTIFICATE", T0));
            assertThrows(JournalException.class, () -> journal.complete("hkko", "never-claimed", new byte[] {1}, T0));
        }
    }

    @Test
    void casesRunToTheirEndAndRetriesReturnTheSameCase() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of(), database())) {
            SignedRequest request =
                    env.request("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), null, "hkko-operator");
            SubmitAck ack = env.client("hkko").submit(request);
            assertEquals(ack, env.client("hkko").submit(request));
            SubmitAck refused =
                    env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.TAX_DEBTOR), "hkko-operator");
            Case approved = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
            Case taxDebt = env.awaitState("hkko", refused.getCaseId(), "REFUSED");
            assertTrue(taxDebt.getResultRu().contains("Налоговая задолженность"), taxDebt.getResultRu());
            List<Long> cursors = new ArrayList<>();
            approved.getHistoryList().forEach(m -> cursors.add(Long.parseLong(m.getCursor())));
            for (int i = 1; i < cursors.size(); i++) {
                assertTrue(cursors.get(i) > cursors.get(i - 1), cursors.toString());
            }
        }
    }

    @Test
    void twoNodesSharingTheDatabaseRunEachStepOnce() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of(), database())) {
            env.startNode("second-node");
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                cases.add(env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), "hkko-operator")
                        .getCaseId());
            }
            for (String caseId : cases) {
                env.awaitState("hkko", caseId, "APPROVED");
                for (String agency : List.of("migration", "military", "mvd-docs")) {
                    assertEquals(
                            1,
                            env.effects(agency).stream()
                                    .filter(e -> e.caseId().equals(caseId))
                                    .count(),
                            agency + " " + caseId);
                }
            }
        }
    }
}
