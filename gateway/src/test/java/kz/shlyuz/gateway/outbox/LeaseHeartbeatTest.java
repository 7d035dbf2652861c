package kz.shlyuz.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.testing.Await;
import org.junit.jupiter.api.Test;

class LeaseHeartbeatTest {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration BEAT = Duration.ofMillis(100);

    /**
     * Under load most rows finish within a beat: renewing each of them wrote rows the case writer
     * was finishing (lock waits, deadlocks). A beat renews what has been in flight for half a beat
     * or more; a row it could not renew (locked, finished) is asked for again at the next beat.
     */
    @Test
    void aBeatRenewsOnlyRowsHeldHalfABeatOrLongerAndRetriesThoseNotRenewed() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Map<Long, Long> inFlight = new ConcurrentHashMap<>();
        inFlight.put(1L, -LEASE.toNanos()); // leased a lease ago: due for renewal
        inFlight.put(2L, 0L); // just leased
        BlockingQueue<Set<Long>> asked = new LinkedBlockingQueue<>();
        BlockingQueue<Set<Long>> answers = new LinkedBlockingQueue<>();
        LeaseHeartbeat.Renewal renewal = (owner, ids, lease) -> {
            // The answer is taken before the test is told of the beat, so it is meant for the next beat.
            Set<Long> answer = answers.poll();
            asked.add(Set.copyOf(ids));
            return answer == null ? Set.copyOf(ids) : answer;
        };
        try (LeaseHeartbeat beats = new LeaseHeartbeat(renewal, "node-a", LEASE, BEAT, inFlight, now::get)) {
            assertEquals(Set.of(1L), next(asked), "the row leased just now is left for a later beat");

            now.set(Duration.ofSeconds(1).toNanos());
            answers.add(Set.of(1L)); // row 2 is locked at this beat
            assertEquals(Set.of(1L, 2L), next(asked));
            assertEquals(Set.of(2L), next(asked), "row 1 was just renewed; row 2 was not and is asked again");
            Await.until(
                    () -> inFlight.get(2L) == Duration.ofSeconds(1).toNanos(),
                    Duration.ofSeconds(10),
                    "row 2 stamped as renewed at the second try");
        }
    }

    private static Set<Long> next(BlockingQueue<Set<Long>> asked) throws InterruptedException {
        Set<Long> ids = asked.poll(10, TimeUnit.SECONDS);
        if (ids == null) {
            throw new AssertionError("no beat within 10 s");
        }
        return ids;
    }
}
