package kz.shlyuz.adapters.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server an adapter runs on: transport limits and timeouts, the agency service behind
 * its interceptors, health and reflection.
 *
 * <p>Only {@code AgencyAdapter} is behind the caller allow-list; health and reflection need just a
 * client certificate of the dev PKI, so that monitoring and grpcurl can use their own.
 */
public final class GrpcServers {
    /** Largest request accepted: a request carries the original signed request, never files. */
    public static final int MAX_INBOUND_BYTES = 4 * 1024 * 1024;

    /** RST_STREAM frames a connection may send per window before GOAWAY (CVE-2023-44487). */
    public static final int MAX_RST_FRAMES_PER_WINDOW = 2000;

    public static final int RST_WINDOW_SECONDS = 10;
    public static final int MAX_HEADER_LIST_BYTES = 16 * 1024;
    public static final int MAX_CONCURRENT_CALLS_PER_CONNECTION = 1000;

    private GrpcServers() {}

    /** Builds the server, not yet started. */
    public static Server build(
            InetSocketAddress bind,
            ServerCredentials credentials,
            String agency,
            Set<String> allowedCallers,
            BindableService adapter,
            HealthStatusManager health) {
        return NettyServerBuilder.forAddress(bind, credentials)
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                // A peer that does not finish the TLS handshake promptly is not a gateway.
                .handshakeTimeout(10, TimeUnit.SECONDS)
                // Ping idle connections so that dead gateways are noticed; accept the gateway's
                // own pings down to every 20 s, which its channels use to keep connections warm.
                .keepAliveTime(60, TimeUnit.SECONDS)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .permitKeepAliveTime(20, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .maxConnectionIdle(15, TimeUnit.MINUTES)
                // The gateway's edge limits where they apply to an adapter (issue 9, docs/LIMITS-EDGE.md):
                // rapid reset (over 2 000 RST_STREAM per 10 s; the gateway cancels calls on deadlines
                // legitimately) gets GOAWAY, headers are bounded, a connection is renewed after
                // 30 min (in-flight calls get 2 min), and one connection carries at most 1 000 calls
                // at once (the gateway multiplexes its calls on one channel).
                .maxRstFramesPerWindow(MAX_RST_FRAMES_PER_WINDOW, RST_WINDOW_SECONDS)
                .maxInboundMetadataSize(MAX_HEADER_LIST_BYTES)
                .maxConnectionAge(30, TimeUnit.MINUTES)
                .maxConnectionAgeGrace(2, TimeUnit.MINUTES)
                .maxConcurrentCallsPerConnection(MAX_CONCURRENT_CALLS_PER_CONNECTION)
                // Interceptors run last-added first: the allow-list, then refusal translation.
                .addService(ServerInterceptors.intercept(
                        adapter,
                        new RefusalInterceptor(agency),
                        new CallerAllowList(agency, allowedCallers),
                        new TraceContext(agency)))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
    }
}
