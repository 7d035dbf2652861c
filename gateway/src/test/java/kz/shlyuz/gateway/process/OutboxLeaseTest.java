package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.storage.StorageBackends;
import org.junit.jupiter.api.Test;

/**
 * Outbox leases between nodes (issue 15): rows are taken with {@code FOR UPDATE SKIP LOCKED} so
 * nodes polling at the same moment never lease the same row (a timer fires once), a heartbeat
 * keeps a row in flight, and a dead node's row is taken over when its lease runs out. Wall-clock
 * time is an adjustable clock here, so no test waits for a lease.
 */
class OutboxLeaseTest {
    private static final Instant DUE = Instant.parse("2026-11-20T04:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Test
    void nodesPollingTogetherOnPostgresNeverLeaseTheSameRow() throws Exception {
        GatewayConfig.JournalSettings settings = StorageBackends.postgres();
        try (HikariDataSource db = JournalDatabase.open(settings)) {
            int rows = 400;
            insertTimers(db, rows);
            OutboxStore a = new OutboxStore(db, java.time.Clock.systemUTC());
            OutboxStore b = new OutboxStore(db, java.time.Clock.systemUTC());
            Map<Long, String> leasedBy = new ConcurrentHashMap<>();
            List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
            int pollers = 6;
            CyclicBarrier start = new CyclicBarrier(pollers);
            ExecutorService pool = Executors.newFixedThreadPool(pollers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < pollers; i++) {
                    OutboxStore store = i % 2 == 0 ? a : b;
                    String owner = (i % 2 == 0 ? "node-a-" : "node-b-") + i;
                    done.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        List<OutboxItem> got;
                        do {
                            got = store.lease(owner, LEASE, 7, DUE.plusSeconds(1));
                            for (OutboxItem item : got) {
                                String earlier = leasedBy.putIfAbsent(item.id(), owner);
                                if (earlier != null) {
                                    doubles.add(item.id() + " by " + earlier + " and " + owner);
                                }
                            }
                        } while (!got.isEmpty());
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(), doubles, "rows leased twice");
            assertEquals(rows, leasedBy.size(), "every due row leased once");
            // The database says the same: each row's lease owner is the poller that got it.
            try (Connection c = db.getConnection();
                    var rs = c.createStatement().executeQuery("SELECT id, lease_owner FROM outbox")) {
                while (rs.next()) {
                    assertEquals(leasedBy.get(rs.getLong(1)), rs.getString(2));
                }
            }
        }
    }

    @Test
    void aRenewedLeaseIsKeptAndADeadNodesLeaseIsTakenOverOnH2() throws Exception {
        Path dir = Files.createTempDirectory("shlyuz-lease-");
        leasesRenewAndRunOut(StorageBackends.h2(dir));
    }

    @Test
    void aRenewedLeaseIsKeptAndADeadNodesLeaseIsTakenOverOnPostgres() throws Exception {
        leasesRenewAndRunOut(StorageBackends.postgres());
    }

    private static void leasesRenewAndRunOut(GatewayConfig.JournalSettings settings) throws Exception {
        try (HikariDataSource db = JournalDatabase.open(settings)) {
            insertTimers(db, 2);
            AdjustableClock wall = new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
            OutboxStore a = new OutboxStore(db, wall);
            OutboxStore b = new OutboxStore(db, wall);
            Instant now = DUE.plusSeconds(1);
            List<OutboxItem> mine = a.lease("node-a", LEASE, 10, now);
            assertEquals(2, mine.size());
            assertEquals(List.of(), b.lease("node-b", LEASE, 10, now), "leased rows are not due for another node");

            // node-a keeps the first row in flight (its heartbeat renews it); the second it abandons (dies).
            wall.advance(Duration.ofSeconds(7));
            assertEquals(
                    Set.of(mine.get(0).id()),
                    a.renew("node-a", List.of(mine.get(0).id()), LEASE));
            wall.advance(Duration.ofSeconds(4)); // 11 s after the lease: the second row's lease ran out
            List<OutboxItem> taken = b.lease("node-b", LEASE, 10, now);
            assertEquals(
                    List.of(mine.get(1).id()),
                    taken.stream().map(OutboxItem::id).toList());
            // The row taken over is no longer node-a's: its heartbeat does not renew it, and it cannot finish it.
            assertEquals(Set.of(), a.renew("node-a", List.of(mine.get(1).id()), LEASE));
            boolean aFinished = Sql.transaction(db, tx -> a.markDone(tx, mine.get(1), "node-a", false));
            assertFalse(aFinished, "node-a cannot finish a row taken over");
            boolean bFinished = Sql.transaction(db, tx -> b.markDone(tx, taken.get(0), "node-b", false));
            assertTrue(bFinished);

            // Renewed at 7 s for 10 s, the first row was node-a's at 11 s (node-b did not get it above);
            // at 18 s, with no beat since, node-a counts as dead and node-b takes the row over.
            wall.advance(Duration.ofSeconds(7));
            List<OutboxItem> second = b.lease("node-b", LEASE, 10, now);
            assertEquals(
                    List.of(mine.get(0).id()),
                    second.stream().map(OutboxItem::id).toList());
            assertEquals(List.of(), a.lease("node-a", LEASE, 10, now), "a done or leased row is not due again");
        }
    }

    /**
     * The heartbeat and the case writer touch the same rows: a renewal that waited for a row the
     * writer's open group holds, while holding rows the writer wants next, deadlocked (PostgreSQL
     * broke it after a second). A locked row is now skipped at once and renewed at the next beat.
     */
    @Test
    void aHeartbeatSkipsARowAnotherTransactionHoldsInsteadOfWaitingForItOnPostgres() throws Exception {
        try (HikariDataSource db = JournalDatabase.open(StorageBackends.postgres())) {
            insertTimers(db, 2);
            AdjustableClock wall = new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
            OutboxStore store = new OutboxStore(db, wall);
            List<OutboxItem> mine = store.lease("node-a", LEASE, 10, DUE.plusSeconds(1));
            assertEquals(2, mine.size());
            long held = mine.get(0).id();
            long free = mine.get(1).id();
            try (Connection writer = db.getConnection()) {
                writer.setAutoCommit(false);
                try (PreparedStatement lock =
                        writer.prepareStatement("SELECT id FROM outbox WHERE id = ? FOR UPDATE")) {
                    lock.setLong(1, held);
                    lock.executeQuery().close();
                }
                // Were the renewal to wait for the held row, it would wait until the rollback below.
                assertEquals(
                        Set.of(free),
                        assertTimeoutPreemptively(
                                Duration.ofSeconds(20), () -> store.renew("node-a", List.of(held, free), LEASE)));
                writer.rollback();
            }
            assertEquals(Set.of(held, free), store.renew("node-a", List.of(held, free), LEASE), "the next beat");
        }
    }

    private static void insertTimers(HikariDataSource db, int rows) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO outbox (case_id, step_name, kind, request_id, "
                        + "state, due_at, attempts) VALUES (?, ?, 'OVERDUE', ?, 'PENDING', ?, 0)")) {
            for (int i = 0; i < rows; i++) {
                s.setString(1, "C2026-LEASE" + i);
                s.setString(2, "overdue:step");
                s.setString(3, "step-lease-" + i);
                s.setTimestamp(4, Timestamp.from(DUE));
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
