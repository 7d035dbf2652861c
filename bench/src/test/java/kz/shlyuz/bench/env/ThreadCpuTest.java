package kz.shlyuz.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void aPoolsThreadsCountAsOneKind() {
        assertEquals("grpc-nio-worker", ThreadCpu.kind("grpc-nio-worker"));
        assertEquals("GC Thread#*", ThreadCpu.kind("GC Thread#1"));
        assertEquals("pool-*-thread-*", ThreadCpu.kind("pool-12-thread-3"));
    }

    @Test
    void ticksAreCountedAfterANameWithSpacesAndParentheses() {
        // pid (comm) state, then fields 4..13; utime and stime are fields 14 and 15.
        String stat = "42 (C2 Comp (x) ) S 1 2 3 4 5 6 7 8 9 10 70 30 0 0 20 0 1 0";

        assertEquals(100, ThreadCpu.ticks(stat));
    }

    @Test
    void aWindowIsTheDifferencePerKindAndTheTopIsMostFirst() {
        ThreadCpu earlier = new ThreadCpu(Map.of("journal", 10L, "seal", 5L, "gone", 7L));
        ThreadCpu later = new ThreadCpu(Map.of("journal", 40L, "seal", 55L, "new", 3L));

        ThreadCpu window = later.since(earlier);

        assertEquals(Map.of("journal", 30L, "seal", 50L, "new", 3L), window.nanosByKind());
        assertEquals(List.of(Map.entry("seal", 50L), Map.entry("journal", 30L)), window.top(2));
        assertEquals(
                Map.of("journal", 60L, "seal", 100L, "new", 6L),
                window.plus(window).nanosByKind());
    }

    @Test
    void aBusyThreadOfThisJvmIsSeenUnderItsName() throws Exception {
        Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "needs Linux /proc");
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread spinner = new Thread(
                () -> {
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    // Spin until the thread's own CPU clock passed 100 ms: the reading below must see it.
                    while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart < 100_000_000L) {
                        Thread.onSpinWait();
                    }
                    done.countDown();
                    // Stay alive until read: a finished thread leaves /proc/PID/task.
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "spinner-7");
        spinner.setDaemon(true);
        spinner.start();
        done.await();

        ThreadCpu now = ThreadCpu.of(ProcessHandle.current().pid());
        release.countDown();

        assertTrue(
                now.nanosByKind().getOrDefault("spinner-*", 0L) >= 80_000_000L,
                "the spinner's CPU is counted: " + now.nanosByKind());
    }
}
