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

    private GrpcServers() {}

    /** Builds the server, not yet started. */
    public static Server build(InetSocketAddress bind, ServerCredentials credentials, String agency,
            Set<String> allowedCallers, BindableService adapter, HealthStatusManager health) {
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
                // Interceptors run last-added first: the allow-list, then refusal translation.
                .addService(ServerInterceptors.intercept(adapter,
                        new RefusalInterceptor(agency), new CallerAllowList(agency, allowedCallers),
                        new TraceContext(agency)))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
    }
}
