package kz.shlyuz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadDriverTest {
    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    /** A fake server answering every call after {@code delayMicros}; tracks how many were in flight at once. */
    private AsyncCall answeringAfter(long delayMicros) {
        return seq -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            SettableFuture<Long> answer = SettableFuture.create();
            var unusedScheduled = server.schedule(
                    () -> {
                        inFlight.decrementAndGet();
                        answer.set(seq);
                    },
                    delayMicros,
                    TimeUnit.MICROSECONDS);
            return answer;
        };
    }

    @Test
    void closedLoopStopsAtTheRequestBoundAndKeepsConcurrencyInFlight() throws Exception {
        LatencyStats stats =
                LoadDriver.run("fake", LoadPlan.closedLoop(4, Duration.ofSeconds(10), 200), answeringAfter(1000));
        assertEquals(200, stats.ok());
        assertEquals(0, stats.errors());
        assertEquals(4, maxInFlight.get());
        assertEquals(200, stats.histogram().getTotalCount());
        assertTrue(
                stats.percentileMillis(50) >= 1.0, "latency includes the 1 ms answer: " + stats.percentileMillis(50));
        assertTrue(stats.elapsedNanos() < TimeUnit.SECONDS.toNanos(5), "ended by count, not by time");
    }

    @Test
    void closedLoopStopsAtItsDuration() throws Exception {
        long start = System.nanoTime();
        LatencyStats stats =
                LoadDriver.run("fake", LoadPlan.closedLoop(2, Duration.ofMillis(300), 1_000_000), answeringAfter(2000));
        long took = System.nanoTime() - start;
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(300) && took < TimeUnit.SECONDS.toNanos(3), "took " + took);
        assertTrue(stats.ok() > 10 && stats.ok() < 1_000_000, "answered " + stats.ok());
    }

    @Test
    void failedCallsAreCountedApartFromLatencies() throws Exception {
        AtomicInteger n = new AtomicInteger();
        AsyncCall flaky = seq -> n.incrementAndGet() % 2 == 0
                ? Futures.immediateFailedFuture(new IllegalStateException("refused"))
                : Futures.immediateFuture(seq);
        LatencyStats stats = LoadDriver.run("flaky", LoadPlan.closedLoop(1, Duration.ofSeconds(10), 100), flaky);
        assertEquals(50, stats.ok());
        assertEquals(50, stats.errors());
        assertEquals(50, stats.histogram().getTotalCount());
        assertEquals("java.lang.IllegalStateException: refused", stats.firstError());
    }

    @Test
    void pacedLoadStartsCallsOnScheduleAndCountsLatencyFromIt() throws Exception {
        LatencyStats stats = LoadDriver.run(
                "paced",
                LoadPlan.closedLoop(8, Duration.ofMillis(500), 1_000_000).paced(200),
                answeringAfter(500));
        // 200/s for 0.5 s: about 100 calls, however fast the server is.
        assertTrue(stats.ok() >= 80 && stats.ok() <= 105, "answered " + stats.ok());
        assertTrue(maxInFlight.get() <= 8);
    }
}
