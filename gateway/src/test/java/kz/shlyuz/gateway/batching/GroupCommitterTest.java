package kz.shlyuz.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The single-writer group committer the journal, the case writer, the answer sealer and the
 * evidence writer share. Every test holds the writer in its action with a latch, so what is queued
 * meanwhile is known exactly; nothing depends on timing. A wait the committer failed to end (a
 * lost item, a deadline ignored) would last {@link #NEVER}: the class timeout turns it into a failure.
 */
@Timeout(120)
class GroupCommitterTest {
    /** Long enough never to end a wait in these tests unless a deadline does. */
    private static final Duration NEVER = Duration.ofHours(1);
    /** A group gathers only what is already queued: no waiting for more. */
    private static final Gathering NO_LINGER = new Gathering(1, 64, 0, 0);

    private static final GroupCommitter.Failures FAILURES = TestFailure::new;

    /** The owner's exception type, as JournalException or SealFailure are. */
    static final class TestFailure extends RuntimeException {
        TestFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An action that records its groups, doubles each item, and holds the first group until released. */
    private static final class GatedAction implements GroupCommitter.Action<Integer, Integer> {
        final List<List<Integer>> groups = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);

        @Override
        public void run(List<GroupCommitter.Item<Integer, Integer>> group) throws Exception {
            groups.add(group.stream().map(GroupCommitter.Item::value).toList());
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                assertTrue(releaseFirst.await(30, TimeUnit.SECONDS), "the test released the first group");
            }
            if (group.stream().anyMatch(i -> i.value() < 0)) {
                throw new IllegalStateException("disk full");
            }
            if (group.stream().anyMatch(i -> i.value() == 666)) {
                throw new AssertionError("writer thread killed (test)");
            }
            for (GroupCommitter.Item<Integer, Integer> item : group) {
                item.done().complete(item.value() * 2);
            }
        }
    }

    private final List<GroupCommitter<?, ?>> opened = new ArrayList<>();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();

    private GroupCommitter<Integer, Integer> committer(GatedAction action, int capacity) {
        GroupCommitter<Integer, Integer> committer = new GroupCommitter<>(
                new GroupCommitter.Settings(
                        "the test writer", "test-group-writer", capacity, NO_LINGER, 0, NEVER, NEVER),
                action,
                FAILURES,
                () -> {});
        opened.add(committer);
        return committer;
    }

    @AfterEach
    void close() {
        opened.forEach(GroupCommitter::close);
        deadlines.shutdownNow();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void itemsWaitingTogetherFormOneGroupInTheOrderTheyWereQueuedAndEachGetsItsOwnResult() throws Exception {
        GatedAction action = new GatedAction();
        GroupCommitter<Integer, Integer> committer = committer(action, 100);
        CompletableFuture<Integer> first = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            waiting.add(committer.submit(i));
        }
        assertEquals(10, committer.waiting());
        action.releaseFirst.countDown();

        assertEquals(0, committer.await(first, "not done"));
        for (int i = 1; i <= 10; i++) {
            assertEquals(i * 2, committer.await(waiting.get(i - 1), "not done"));
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), action.groups);
    }

    @Test
    void aGroupWaitsForMoreOnlyAfterAGroupOfAtLeastGatherAfterItems() throws Exception {
        GatedAction action = new GatedAction();
        // Waits for a group of three, as long as a test could take: only "enough" ends the wait.
        Gathering untilThree = new Gathering(3, 64, NEVER.toNanos(), NEVER.toNanos());
        GroupCommitter<Integer, Integer> committer = new GroupCommitter<>(
                new GroupCommitter.Settings("the test writer", "test-group-writer", 100, untilThree, 2, NEVER, NEVER),
                action,
                FAILURES,
                () -> {});
        opened.add(committer);

        // Nothing before it: a lone item goes at once, no waiting for two more.
        CompletableFuture<Integer> lone = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
        CompletableFuture<Integer> one = committer.submit(1);
        CompletableFuture<Integer> two = committer.submit(2);
        action.releaseFirst.countDown();
        assertEquals(0, committer.await(lone, "not done"));
        // After a group of one, [1, 2] is what was waiting, written without waiting for a third.
        assertEquals(2, committer.await(one, "not done"));
        assertEquals(4, committer.await(two, "not done"));

        // After a group of two the next gathers: 3 is taken alone and waits for 4 and 5.
        CompletableFuture<Integer> three = committer.submit(3);
        await("3 taken by the writer", () -> committer.waiting() == 0);
        CompletableFuture<Integer> four = committer.submit(4);
        CompletableFuture<Integer> five = committer.submit(5);
        assertEquals(10, committer.await(five, "not done"));
        assertEquals(6, committer.await(three, "not done"));
        assertEquals(8, committer.await(four, "not done"));
        assertEquals(List.of(List.of(0), List.of(1, 2), List.of(3, 4, 5)), action.groups);
    }

    @Test
    void anActionThatThrowsFailsEveryItemOfItsGroupAndTheWriterGoesOn() throws Exception {
        GatedAction action = new GatedAction();
        GroupCommitter<Integer, Integer> committer = committer(action, 100);
        var unusedFirst = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
        List<CompletableFuture<Integer>> group =
                List.of(committer.submit(1), committer.submit(-1), committer.submit(2));
        action.releaseFirst.countDown();

        for (CompletableFuture<Integer> item : group) {
            IllegalStateException failure =
                    assertThrows(IllegalStateException.class, () -> committer.await(item, "not done"));
            assertEquals("disk full", failure.getMessage());
        }
        assertEquals(6, committer.await(committer.submit(3), "not done"), "the next group is written");
    }

    @Test
    void aFullQueueRefusesWithTheOwnersFailureOnceTheCallersDeadlineLeavesNoTimeToWaitForRoom() throws Exception {
        GatedAction action = new GatedAction();
        GroupCommitter<Integer, Integer> committer = committer(action, 2);
        var unusedFirst = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
        var unusedSecond = committer.submit(1);
        var unusedThird = committer.submit(2);

        Context expired = Context.current().withDeadline(Deadline.after(-1, TimeUnit.SECONDS), deadlines);
        TestFailure refused = assertThrows(TestFailure.class, () -> expired.call(() -> committer.submit(3)));
        assertEquals("2 items already wait for the test writer", refused.getMessage());
        assertEquals(2, committer.waiting(), "the refused item was not queued");
        action.releaseFirst.countDown();
    }

    @Test
    void aWaitEndsAtTheCallersDeadlineWithTheOwnersFailureWhileTheGroupIsStillBeingWritten() throws Exception {
        GatedAction action = new GatedAction();
        GroupCommitter<Integer, Integer> committer = committer(action, 100);
        CompletableFuture<Integer> held = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));

        // The fixed bound is an hour: only the caller's deadline can end this wait.
        Context caller = Context.current().withDeadlineAfter(200, TimeUnit.MILLISECONDS, deadlines);
        TestFailure expired =
                assertThrows(TestFailure.class, () -> caller.call(() -> committer.await(held, "not done")));
        assertEquals("not done within the caller's deadline", expired.getMessage());
        assertFalse(held.isDone(), "the item itself is still being written");

        action.releaseFirst.countDown();
        assertEquals(0, committer.await(held, "not done"), "a caller without a deadline waits for it");
    }

    @Test
    void closeFinishesWhatIsQueuedAndThenRefusesNewItems() throws Exception {
        GatedAction action = new GatedAction();
        GroupCommitter<Integer, Integer> committer = committer(action, 100);
        CompletableFuture<Integer> first = committer.submit(0);
        assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
        CompletableFuture<Integer> queued = committer.submit(21);
        Thread closer = new Thread(committer::close, "test-closer");
        closer.start();
        await("the committer is closing", () -> !committer.accepting());

        TestFailure refused = assertThrows(TestFailure.class, () -> committer.submit(4));
        assertEquals("the test writer is closing", refused.getMessage());
        action.releaseFirst.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(closer.isAlive(), "close returned once the queue was written");
        assertEquals(0, first.getNow(-1));
        assertEquals(42, queued.getNow(-1), "the item queued before close was written, not failed");
    }

    @Test
    void aWriterThreadThatDiesFailsWhatWaitsRefusesNewItemsAndReportsItsDeath() throws Exception {
        AtomicReference<String> reportedThread = new AtomicReference<>();
        AtomicReference<Throwable> reportedError = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (thread.getName().equals("test-group-writer")) {
                reportedThread.set(thread.getName());
                reportedError.set(error);
                reported.countDown();
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        });
        try {
            GatedAction action = new GatedAction();
            GroupCommitter<Integer, Integer> committer = committer(action, 100);
            var unusedFirst = committer.submit(0);
            assertTrue(action.firstStarted.await(20, TimeUnit.SECONDS));
            CompletableFuture<Integer> killer = committer.submit(666);
            CompletableFuture<Integer> sameGroup = committer.submit(1);
            action.releaseFirst.countDown();

            assertTrue(
                    reported.await(20, TimeUnit.SECONDS), "the thread's death reached the uncaught-exception handler");
            assertEquals("test-group-writer", reportedThread.get());
            assertEquals("writer thread killed (test)", reportedError.get().getMessage());
            for (CompletableFuture<Integer> item : List.of(killer, sameGroup)) {
                TestFailure failed = assertThrows(TestFailure.class, () -> committer.await(item, "not done"));
                assertTrue(
                        failed.getMessage().startsWith("the test writer stopped: java.lang.AssertionError"),
                        failed.getMessage());
            }
            assertFalse(committer.accepting());
            TestFailure refused = assertThrows(TestFailure.class, () -> committer.submit(2));
            assertSame(reportedError.get(), refused.getCause());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void anItemTheActionLeavesUnsettledFailsRatherThanWaitingForEver() {
        GroupCommitter<Integer, Integer> committer = new GroupCommitter<>(
                new GroupCommitter.Settings("the test writer", "test-group-writer", 10, NO_LINGER, 0, NEVER, NEVER),
                group -> {},
                FAILURES,
                () -> {});
        opened.add(committer);
        IllegalStateException failure =
                assertThrows(IllegalStateException.class, () -> committer.await(committer.submit(1), "not done"));
        assertEquals("the test writer: the group's action left an item unsettled", failure.getMessage());
    }

    @Test
    void aCallersWaitIsWhatIsLeftOfItsDeadlineButNeverMoreThanTheFixedBound() {
        AtomicLong nanos = new AtomicLong();
        Deadline.Ticker ticker = new Deadline.Ticker() {
            @Override
            public long nanoTime() {
                return nanos.get();
            }
        };
        Duration bound = Duration.ofSeconds(5);
        assertEquals(new CallerDeadline(bound.toNanos(), false), CallerDeadline.of(bound, null), "no deadline");
        Deadline inTwoSeconds = Deadline.after(2, TimeUnit.SECONDS, ticker);
        assertEquals(new CallerDeadline(TimeUnit.SECONDS.toNanos(2), true), CallerDeadline.of(bound, inTwoSeconds));
        assertEquals(
                new CallerDeadline(bound.toNanos(), false),
                CallerDeadline.of(bound, Deadline.after(1, TimeUnit.MINUTES, ticker)),
                "a later deadline");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertEquals(new CallerDeadline(0, true), CallerDeadline.of(bound, inTwoSeconds), "a deadline passed");
        assertEquals(
                "the caller's deadline", CallerDeadline.of(bound, inTwoSeconds).describe(bound));
        assertEquals("PT5S", CallerDeadline.of(bound, null).describe(bound));
    }
}
