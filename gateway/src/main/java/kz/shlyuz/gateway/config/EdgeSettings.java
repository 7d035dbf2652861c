package kz.shlyuz.gateway.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller may cost the gateway at its edge (issue 9): HTTP/2 and connection limits, and
 * request rates and daily quotas per sender. Every value has a shipped default (see
 * {@code docs/LIMITS-EDGE.md}); {@link #defaults()} is what a configuration without these keys gets.
 *
 * @param transport {@code limits.transport}: HTTP/2, stream and connection limits
 * @param globalRateLimit {@code limits.globalRateLimit}: all senders together (and callers that
 *     are not senders), or null for none
 * @param senders {@code senders.<id>.rateLimit} and {@code senders.<id>.dailyQuota}, by sender id;
 *     a sender without an entry has no limit of its own (the global one still applies)
 * @param quotaZone where a day starts for daily quotas: Asia/Almaty
 */
public record EdgeSettings(
        Transport transport, RateLimit globalRateLimit, Map<String, SenderLimits> senders, ZoneId quotaZone) {

    public EdgeSettings {
        transport = transport == null ? Transport.defaults() : transport;
        senders = Map.copyOf(senders);
        quotaZone = quotaZone == null ? ZoneId.of("Asia/Almaty") : quotaZone;
    }

    /** Transport defaults, no rate limits: what a configuration that names none of these keys gets. */
    public static EdgeSettings defaults() {
        return new EdgeSettings(Transport.defaults(), null, Map.of(), ZoneId.of("Asia/Almaty"));
    }

    public Optional<SenderLimits> sender(String id) {
        return Optional.ofNullable(senders.get(id));
    }

    /** The same settings with one sender's limits replaced (tests, operators' tools). */
    public EdgeSettings withSender(String id, SenderLimits limits) {
        Map<String, SenderLimits> copy = new java.util.HashMap<>(senders);
        copy.put(id, limits);
        return new EdgeSettings(transport, globalRateLimit, copy, quotaZone);
    }

    public EdgeSettings withGlobalRateLimit(RateLimit limit) {
        return new EdgeSettings(transport, limit, senders, quotaZone);
    }

    public EdgeSettings withTransport(Transport newTransport) {
        return new EdgeSettings(newTransport, globalRateLimit, senders, quotaZone);
    }

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}.
     *
     * @param perSecond sustained requests per second, > 0
     * @param burst requests that may arrive at once after a quiet spell, ≥ 1
     */
    public record RateLimit(double perSecond, int burst) {
        public RateLimit {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rateLimit.perSecond: " + perSecond + " (expected: > 0)");
            }
            if (burst < 1) {
                throw new IllegalArgumentException("rateLimit.burst: " + burst + " (expected: ≥ 1)");
            }
        }
    }

    /**
     * The limits of one sender.
     *
     * @param rateLimit the sender's own token bucket, or null for none
     * @param dailyQuota requests per local day (Asia/Almaty), or null for none
     */
    public record SenderLimits(RateLimit rateLimit, Long dailyQuota) {
        public SenderLimits {
            if (dailyQuota != null && dailyQuota < 1) {
                throw new IllegalArgumentException("dailyQuota: " + dailyQuota + " (expected: ≥ 1)");
            }
        }
    }

    /**
     * {@code limits.transport}. The largest message the transport accepts is
     * {@code limits.maxRequestBytes + envelopeSlackBytes}: a request a little over the admission
     * limit still gets admission's reasoned REQUEST_TOO_LARGE, anything bigger is refused from its
     * declared length before a byte of it is buffered.
     *
     * @param envelopeSlackBytes bytes over the admission limit the transport still reads
     * @param maxHeaderListBytes largest header list (HTTP/2 SETTINGS_MAX_HEADER_LIST_SIZE)
     * @param maxRstFramesPerWindow RST_STREAM frames a connection may send per window before it is
     *     sent GOAWAY (rapid reset, CVE-2023-44487)
     * @param rstWindow that window, whole seconds
     * @param readTimeout a call whose request has not fully arrived by then is refused and closed
     * @param maxCallDuration a unary call still running by then is refused and closed
     * @param maxConnectionIdle a connection without calls for this long is closed
     * @param maxConnectionAge a connection is asked to go away (GOAWAY) after this long …
     * @param maxConnectionAgeGrace … and closed this long after that, whatever still runs on it
     * @param keepAliveTime the gateway pings a connection silent for this long …
     * @param keepAliveTimeout … and closes it when no answer comes within this
     * @param permitKeepAliveTime clients may ping at most this often (and never without calls)
     * @param maxConnections open connections in total; the next one is closed at once
     * @param maxConnectionsPerSystem open connections per client certificate identity
     */
    public record Transport(
            int envelopeSlackBytes,
            int maxHeaderListBytes,
            int maxRstFramesPerWindow,
            Duration rstWindow,
            Duration readTimeout,
            Duration maxCallDuration,
            Duration maxConnectionIdle,
            Duration maxConnectionAge,
            Duration maxConnectionAgeGrace,
            Duration keepAliveTime,
            Duration keepAliveTimeout,
            Duration permitKeepAliveTime,
            int maxConnections,
            int maxConnectionsPerSystem) {
        public Transport {
            atLeast("limits.transport.envelopeSlackBytes", envelopeSlackBytes, 0);
            atLeast("limits.transport.maxHeaderListBytes", maxHeaderListBytes, 1024);
            atLeast("limits.transport.maxRstFramesPerWindow", maxRstFramesPerWindow, 1);
            atLeast("limits.transport.maxConnections", maxConnections, 1);
            atLeast("limits.transport.maxConnectionsPerSystem", maxConnectionsPerSystem, 1);
            positive("limits.transport.rstWindow", rstWindow);
            if (rstWindow.toSeconds() < 1) {
                throw new IllegalArgumentException(
                        "limits.transport.rstWindow: " + rstWindow + " (expected: at least PT1S)");
            }
            positive("limits.transport.readTimeout", readTimeout);
            positive("limits.transport.maxCallDuration", maxCallDuration);
            positive("limits.transport.maxConnectionIdle", maxConnectionIdle);
            positive("limits.transport.maxConnectionAge", maxConnectionAge);
            positive("limits.transport.maxConnectionAgeGrace", maxConnectionAgeGrace);
            positive("limits.transport.keepAliveTime", keepAliveTime);
            positive("limits.transport.keepAliveTimeout", keepAliveTimeout);
            positive("limits.transport.permitKeepAliveTime", permitKeepAliveTime);
        }

        /** The same limits with other call timers. */
        public Transport withCallTimes(Duration newReadTimeout, Duration newMaxCallDuration) {
            return new Transport(
                    envelopeSlackBytes,
                    maxHeaderListBytes,
                    maxRstFramesPerWindow,
                    rstWindow,
                    newReadTimeout,
                    newMaxCallDuration,
                    maxConnectionIdle,
                    maxConnectionAge,
                    maxConnectionAgeGrace,
                    keepAliveTime,
                    keepAliveTimeout,
                    permitKeepAliveTime,
                    maxConnections,
                    maxConnectionsPerSystem);
        }

        /** The same limits with other connection caps. */
        public Transport withConnectionCaps(int newMaxConnections, int newMaxConnectionsPerSystem) {
            return new Transport(
                    envelopeSlackBytes,
                    maxHeaderListBytes,
                    maxRstFramesPerWindow,
                    rstWindow,
                    readTimeout,
                    maxCallDuration,
                    maxConnectionIdle,
                    maxConnectionAge,
                    maxConnectionAgeGrace,
                    keepAliveTime,
                    keepAliveTimeout,
                    permitKeepAliveTime,
                    newMaxConnections,
                    newMaxConnectionsPerSystem);
        }

        /** The shipped values; docs/LIMITS-EDGE.md says why each. */
        public static Transport defaults() {
            return new Transport(
                    64 * 1024,
                    16 * 1024,
                    1000,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(30),
                    10_000,
                    500);
        }

        private static void atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + ": " + value + " (expected: ≥ " + min + ")");
            }
        }

        private static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
            }
        }
    }
}
