package kz.shlyuz.adapters;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import kz.shlyuz.certs.pki.DevPki;

/**
 * Settings of one adapter process.
 *
 * @param agency which agency this adapter is: one of {@link Agencies#names()}; also its TLS
 *     identity in {@code pki} (the server certificate's CN)
 * @param pki the development PKI holding the adapter's TLS and signing keys and the TLS trust
 * @param bind where to listen; port 0 picks an ephemeral port ({@link AdapterServer#port()})
 * @param clock the clock stamped on answers and signatures
 * @param shutdownGrace how long {@link AdapterServer#close()} lets in-flight calls finish
 * @param allowedCallers TLS client CNs that may call {@code AgencyAdapter}; only the gateway in
 *     production, since agencies answer the gateway and nobody else
 */
public record AdapterConfig(
        String agency,
        DevPki pki,
        InetSocketAddress bind,
        Clock clock,
        Duration shutdownGrace,
        Set<String> allowedCallers) {

    /** The CN of the gateway's TLS client certificate. */
    public static final String GATEWAY = "gateway";

    public AdapterConfig {
        Objects.requireNonNull(agency, "agency");
        if (!Agencies.isKnown(agency)) {
            throw new IllegalArgumentException("agency: " + agency + " (expected: one of " + Agencies.names() + ")");
        }
        Objects.requireNonNull(pki, "pki");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace: " + shutdownGrace + " (expected: >= 0)");
        }
        allowedCallers = Set.copyOf(Objects.requireNonNull(allowedCallers, "allowedCallers"));
        if (allowedCallers.isEmpty()) {
            throw new IllegalArgumentException("allowedCallers: [] (expected: at least one TLS CN, e.g. gateway)");
        }
    }

    /**
     * The development defaults: {@code 127.0.0.1:port}, the system clock, 5 s shutdown grace and
     * only the gateway allowed to call.
     */
    public static AdapterConfig defaults(String agency, DevPki pki, int port) {
        return new AdapterConfig(
                agency,
                pki,
                new InetSocketAddress("127.0.0.1", port),
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                Set.of(GATEWAY));
    }

    /** This configuration with another clock (tests, replays). */
    public AdapterConfig withClock(Clock newClock) {
        return new AdapterConfig(agency, pki, bind, newClock, shutdownGrace, allowedCallers);
    }

    /** This configuration with other allowed callers. */
    public AdapterConfig withAllowedCallers(Set<String> callers) {
        return new AdapterConfig(agency, pki, bind, clock, shutdownGrace, callers);
    }
}
