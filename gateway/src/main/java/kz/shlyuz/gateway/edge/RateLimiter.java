package kz.shlyuz.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import kz.shlyuz.gateway.config.EdgeSettings;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Per-sender token buckets and daily quotas, and one global bucket, all on the gateway's clock (so
 * tests drive them by advancing it). O(1) per request: one synchronized update per bucket.
 *
 * <p>Hand-written rather than Bucket4j: Bucket4j is not among the versions that resolve in this
 * build's repository list, and what is needed — a refill rate, a burst, a clock we inject — is a
 * few lines that read plainly.
 *
 * <p>Order: the sender's quota, its bucket, the global bucket. A request refused by a later step
 * gives back what the earlier ones took, so a refused request uses up neither quota nor tokens.
 */
public final class RateLimiter {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EdgeSettings settings;
    private final Clock clock;
    private final TokenBucket global;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, DailyQuota> quotas = new ConcurrentHashMap<>();
    private final Map<String, Map<Reason, LongAdder>> refused = new ConcurrentHashMap<>();

    public RateLimiter(EdgeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.global = settings.globalRateLimit() == null ? null : new TokenBucket(settings.globalRateLimit(), clock);
        settings.senders().forEach((sender, limits) -> {
            if (limits.rateLimit() != null) {
                buckets.put(sender, new TokenBucket(limits.rateLimit(), clock));
            }
            if (limits.dailyQuota() != null) {
                quotas.put(sender, new DailyQuota(limits.dailyQuota()));
            }
        });
    }

    /**
     * What the limits say about one more request.
     *
     * @param refusal null when the request may go on
     * @param retryAfter when to try again (the RetryInfo delay), null when allowed
     */
    public record Decision(Refusal refusal, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(null, null);

        public boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * Decides whether one more call of {@code sender} is admitted now.
     *
     * @param sender the system id from TLS (possibly not a configured sender: only the global bucket applies)
     */
    public Decision admit(String sender) {
        long now = nanos(clock.instant());
        DailyQuota quota = quotas.get(sender);
        if (quota != null) {
            Instant resetsAt = quota.tryUse(clock.instant(), settings);
            if (resetsAt != null) {
                count(sender, Reason.QUOTA_EXCEEDED);
                ZonedDateTime local = resetsAt.atZone(settings.quotaZone());
                return new Decision(
                        new Refusal(Reason.QUOTA_EXCEEDED, local.format(SHOWN) + " (" + settings.quotaZone() + ")"),
                        Duration.between(clock.instant(), resetsAt));
            }
        }
        TokenBucket own = buckets.get(sender);
        if (own != null) {
            long wait = own.take(now);
            if (wait > 0) {
                if (quota != null) {
                    quota.giveBack();
                }
                return limited(sender, wait);
            }
        }
        if (global != null) {
            long wait = global.take(now);
            if (wait > 0) {
                if (own != null) {
                    own.giveBack();
                }
                if (quota != null) {
                    quota.giveBack();
                }
                return limited(sender, wait);
            }
        }
        return Decision.ALLOWED;
    }

    private Decision limited(String sender, long waitNanos) {
        count(sender, Reason.RATE_LIMITED);
        Duration wait = Duration.ofNanos(Math.max(waitNanos, 1_000_000));
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", wait.toNanos() / 1e9);
        return new Decision(new Refusal(Reason.RATE_LIMITED, seconds), wait);
    }

    private void count(String sender, Reason reason) {
        refused.computeIfAbsent(sender, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new LongAdder())
                .increment();
    }

    /**
     * Requests refused so far, by sender and reason (RATE_LIMITED, QUOTA_EXCEEDED): for metrics.
     * A snapshot, sorted by sender.
     */
    public Map<String, Map<Reason, Long>> refusals() {
        Map<String, Map<Reason, Long>> snapshot = new TreeMap<>();
        refused.forEach((sender, byReason) -> {
            Map<Reason, Long> counts = new EnumMap<>(Reason.class);
            byReason.forEach((reason, adder) -> counts.put(reason, adder.sum()));
            snapshot.put(sender, counts);
        });
        return snapshot;
    }

    /** Requests of one sender refused for one reason so far. */
    public long refusals(String sender, Reason reason) {
        Map<Reason, LongAdder> byReason = refused.get(sender);
        if (byReason == null) {
            return 0;
        }
        LongAdder adder = byReason.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Tokens refill continuously at {@code perSecond}, up to {@code burst}; one token per request. */
    static final class TokenBucket {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long updated;

        TokenBucket(EdgeSettings.RateLimit limit, Clock clock) {
            this.perNano = limit.perSecond() / 1e9;
            this.burst = limit.burst();
            this.tokens = burst;
            this.updated = nanos(clock.instant());
        }

        /**
         * Takes a token if one is there.
         *
         * @return 0 when a token was taken, else the nanoseconds until one will be there
         */
        synchronized long take(long now) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perNano);
                updated = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized void giveBack() {
            tokens = Math.min(burst, tokens + 1);
        }
    }

    /** Requests counted per local day; the count starts again at local midnight. */
    static final class DailyQuota {
        private final long perDay;
        private LocalDate day;
        private long used;

        DailyQuota(long perDay) {
            this.perDay = perDay;
        }

        /** Counts one request: null while the day's quota lasts, else the instant of the next local midnight. */
        synchronized Instant tryUse(Instant now, EdgeSettings settings) {
            LocalDate today = now.atZone(settings.quotaZone()).toLocalDate();
            if (!today.equals(day)) {
                day = today;
                used = 0;
            }
            if (used < perDay) {
                used++;
                return null;
            }
            return today.plusDays(1).atStartOfDay(settings.quotaZone()).toInstant();
        }

        synchronized void giveBack() {
            if (used > 0) {
                used--;
            }
        }
    }
}
