package kz.shlyuz.gateway.process;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What happens when an agency cannot be reached for a step (a transient refusal: unavailable,
 * timed out, an answer whose signature does not hold): try again after a backoff, with the same
 * request id, until {@code maxAttempts} attempts have failed; then give the step up as
 * {@link StepState#UNDELIVERED} (its outbox row {@link OutboxState#FAILED}), where an operator
 * sees it. In the shape of db-scheduler's {@code MaxRetriesFailureHandler} around an
 * {@code ExponentialBackoffFailureHandler}.
 *
 * @param maxAttempts attempts in all, the first included; at least 1
 * @param backoff how long to wait after the n-th failed attempt
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    /** Default maximum: about five weeks of outage at the 10-minute cap, longer than any step's term. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5000;

    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(10);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
        }
        Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * The gateway's defaults: 1 s, 2 s, 4 s … doubling up to 10 minutes, no jitter (as before the
     * maximum existed), and {@value #DEFAULT_MAX_ATTEMPTS} attempts.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Backoff.exponential(DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY));
    }

    /** What to do after a failed attempt. */
    public sealed interface Next {
        /** Try again once {@code delay} of process time has passed. */
        record RetryAfter(Duration delay) implements Next {}

        /** The maximum is reached: the step is not delivered. */
        record GiveUp(int attempts) implements Next {}
    }

    /**
     * What to do after a failed attempt: retry after a delay, or give up.
     *
     * @param failedAttempts attempts made so far, the one that just failed included (1 after the first)
     */
    public Next afterFailure(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts: " + failedAttempts + " (expected: >= 1)");
        }
        return failedAttempts >= maxAttempts
                ? new Next.GiveUp(failedAttempts)
                : new Next.RetryAfter(backoff.delay(failedAttempts));
    }

    /** The wait after a failed attempt. */
    public sealed interface Backoff {
        /**
         * The delay before the next attempt.
         *
         * @param failedAttempts 1 after the first failure
         */
        Duration delay(int failedAttempts);

        /** Exponential from {@code first}, capped at {@code max}, without jitter: the same delays every time. */
        static Backoff exponential(Duration first, Duration max) {
            return new Exponential(first, max, 0, null);
        }
    }

    /**
     * {@code first × 2^(n-1)}, at most {@code max}; with jitter, each delay is shortened by a random
     * share of up to {@code jitter} of itself (so many nodes that lost the same agency do not all
     * come back in the same second), never below zero and never above the cap.
     *
     * @param jitter 0 (deterministic) to 1
     * @param random the source of the jitter; null only when {@code jitter} is 0. It is called from
     *     several outbox threads: use a thread-safe generator (e.g. {@link java.util.Random})
     */
    public record Exponential(Duration first, Duration max, double jitter, RandomGenerator random) implements Backoff {
        public Exponential {
            if (first == null || first.isNegative() || first.isZero()) {
                throw new IllegalArgumentException("first: " + first + " (expected: > 0)");
            }
            if (max == null || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("max: " + max + " (expected: >= first " + first + ")");
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0–1)");
            }
            if (jitter > 0 && random == null) {
                throw new IllegalArgumentException(
                        "random: null (expected: a generator when jitter is " + jitter + ")");
            }
        }

        @Override
        public Duration delay(int failedAttempts) {
            if (failedAttempts < 1) {
                throw new IllegalArgumentException("failedAttempts: " + failedAttempts + " (expected: >= 1)");
            }
            // Doubling 62 times overflows; long before that the cap holds.
            int doublings = Math.min(failedAttempts - 1, 62);
            Duration d = first.toNanos() > (Long.MAX_VALUE >> doublings) ? max : first.multipliedBy(1L << doublings);
            if (d.compareTo(max) > 0) {
                d = max;
            }
            if (jitter == 0) {
                return d;
            }
            return Duration.ofNanos(Math.round(d.toNanos() * (1 - jitter * random.nextDouble())));
        }
    }
}
