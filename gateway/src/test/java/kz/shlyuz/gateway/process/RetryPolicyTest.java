package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.shlyuz.gateway.process.RetryPolicy.Next;
import org.junit.jupiter.api.Test;

/** The retry policy on its own: delays, the cap, jitter and the maximum, without a database. */
class RetryPolicyTest {

    private static List<Duration> delays(RetryPolicy.Backoff backoff, int failures) {
        List<Duration> delays = new ArrayList<>();
        for (int n = 1; n <= failures; n++) {
            delays.add(backoff.delay(n));
        }
        return delays;
    }

    @Test
    void defaultsDoubleFromOneSecondUpToTenMinutesAsTheOutboxAlwaysDid() {
        RetryPolicy policy = RetryPolicy.defaults();
        List<Duration> expected = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            expected.add(Duration.ofSeconds(1L << n)); // 1 s … 512 s
        }
        expected.add(Duration.ofMinutes(10));
        expected.add(Duration.ofMinutes(10));
        assertEquals(expected, delays(policy.backoff(), 12));
        assertEquals(Duration.ofMinutes(10), policy.backoff().delay(4000), "no overflow far past the cap");
        assertEquals(5000, policy.maxAttempts());
    }

    @Test
    void givesUpOnceTheMaximumNumberOfAttemptsHasFailed() {
        RetryPolicy policy =
                new RetryPolicy(3, RetryPolicy.Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertEquals(new Next.RetryAfter(Duration.ofSeconds(2)), policy.afterFailure(1));
        assertEquals(new Next.RetryAfter(Duration.ofSeconds(4)), policy.afterFailure(2));
        assertEquals(new Next.GiveUp(3), policy.afterFailure(3));
        assertEquals(new Next.GiveUp(7), policy.afterFailure(7), "a row past the maximum (lowered since) gives up too");
    }

    @Test
    void aSingleAttemptPolicyGivesUpAtTheFirstFailure() {
        assertEquals(
                new Next.GiveUp(1),
                new RetryPolicy(1, RetryPolicy.Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                        .afterFailure(1));
    }

    @Test
    void jitterShortensEachDelayByAtMostItsShareAndRepeatsForTheSameSeed() {
        RetryPolicy.Backoff first =
                new RetryPolicy.Exponential(Duration.ofSeconds(1), Duration.ofMinutes(10), 0.5, new Random(42));
        RetryPolicy.Backoff again =
                new RetryPolicy.Exponential(Duration.ofSeconds(1), Duration.ofMinutes(10), 0.5, new Random(42));
        List<Duration> jittered = delays(first, 14);
        assertEquals(jittered, delays(again, 14), "the same seed, the same delays");
        List<Duration> plain =
                delays(RetryPolicy.Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(10)), 14);
        boolean shorter = false;
        for (int i = 0; i < plain.size(); i++) {
            Duration d = jittered.get(i);
            assertTrue(d.compareTo(plain.get(i)) <= 0, "never longer than without jitter: " + d);
            assertTrue(d.compareTo(plain.get(i).dividedBy(2)) >= 0, "at most half shorter: " + d);
            shorter |= d.compareTo(plain.get(i)) < 0;
        }
        assertTrue(shorter, "jitter changed something: " + jittered);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertEquals(
                "maxAttempts: 0 (expected: >= 1)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RetryPolicy(0, RetryPolicy.defaults().backoff()))
                        .getMessage());
        assertEquals(
                "first: PT0S (expected: > 0)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RetryPolicy.Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                        .getMessage());
        assertEquals(
                "max: PT1S (expected: >= first PT2S)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RetryPolicy.Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                        .getMessage());
        assertEquals(
                "jitter: 1.5 (expected: 0–1)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RetryPolicy.Exponential(
                                        Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, new Random()))
                        .getMessage());
        assertEquals(
                "random: null (expected: a generator when jitter is 0.2)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RetryPolicy.Exponential(
                                        Duration.ofSeconds(1), Duration.ofSeconds(2), 0.2, null))
                        .getMessage());
        assertEquals(
                "failedAttempts: 0 (expected: >= 1)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RetryPolicy.defaults().afterFailure(0))
                        .getMessage());
    }
}
