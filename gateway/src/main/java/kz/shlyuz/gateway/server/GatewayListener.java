package kz.shlyuz.gateway.server;

import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.cabinet.CabinetService;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.edge.CallTimeLimits;
import kz.shlyuz.gateway.edge.ConnectionLimits;
import kz.shlyuz.gateway.edge.EdgeJournal;
import kz.shlyuz.gateway.edge.EnvelopeGuard;
import kz.shlyuz.gateway.edge.RateLimitInterceptor;
import kz.shlyuz.gateway.edge.RateLimiter;
import kz.shlyuz.gateway.edge.TransportLimits;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.notices.NoticeService;
import kz.shlyuz.gateway.ops.Operations;
import kz.shlyuz.gateway.status.RefusalInterceptor;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.CompletionNoticesGrpc;
import kz.shlyuz.proto.v1.GatewayGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's gRPC listener: mutual TLS, the edge (identity, rate limits, stalled and overlong
 * calls, malformed envelopes, HTTP/2 and connection limits), the three services each behind its
 * interceptor chain, health and reflection. {@link GatewayServer} builds the parts behind the
 * services and decides when this listener serves and stops.
 */
final class GatewayListener {
    private static final Logger log = LoggerFactory.getLogger(GatewayListener.class);

    private final Server server;
    private final HealthStatusManager health;
    private final RateLimiter rateLimiter;
    private final CallTimeLimits callTimes;
    private final TransportLimits transport;

    private GatewayListener(
            Server server,
            HealthStatusManager health,
            RateLimiter rateLimiter,
            CallTimeLimits callTimes,
            TransportLimits transport) {
        this.server = server;
        this.health = health;
        this.rateLimiter = rateLimiter;
        this.callTimes = callTimes;
        this.transport = transport;
    }

    /** Builds the listener and starts accepting; on failure what it started is closed again. */
    static GatewayListener start(
            GatewayConfig config,
            TlsFiles tls,
            Clock clock,
            Journal journal,
            Operations ops,
            GatewayService gateway,
            CabinetService cabinet,
            NoticeService notices)
            throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        ServerCredentials credentials = TlsServerCredentials.newBuilder()
                .keyManager(tls.certificateChain().toFile(), tls.privateKey().toFile())
                .trustManager(tls.trust().toFile())
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                .build();
        // The edge (issue 9): identity, rate limits, stalled and overlong calls, malformed envelopes,
        // HTTP/2 and connection limits. Interceptors run last-listed first: sender, rate, timers.
        EdgeJournal edgeJournal = new EdgeJournal(journal, clock);
        RateLimiter rateLimiter = new RateLimiter(config.edge(), clock);
        CallTimeLimits callTimes = new CallTimeLimits(
                config.edge().transport().readTimeout(),
                config.edge().transport().maxCallDuration(),
                edgeJournal,
                SenderInterceptor.SENDER);
        TransportLimits transportLimits = null;
        try {
            ServerInterceptor senders = new SenderInterceptor(edgeJournal);
            ServerInterceptor rates = new RateLimitInterceptor(rateLimiter, edgeJournal, SenderInterceptor.SENDER);
            NettyServerBuilder builder = NettyServerBuilder.forAddress(
                            new InetSocketAddress(config.host(), config.port()), credentials)
                    .addService(EnvelopeGuard.wrap(
                            ServerInterceptors.intercept(
                                    gateway,
                                    new RefusalInterceptor(),
                                    new AnswerFormInterceptor(),
                                    callTimes,
                                    rates,
                                    senders,
                                    ops.serverInterceptor()),
                            edgeJournal))
                    .addService(EnvelopeGuard.wrap(
                            ServerInterceptors.intercept(
                                    cabinet,
                                    new RefusalInterceptor(),
                                    callTimes,
                                    rates,
                                    senders,
                                    ops.serverInterceptor()),
                            edgeJournal))
                    .addService(EnvelopeGuard.wrap(
                            ServerInterceptors.intercept(
                                    notices,
                                    new RefusalInterceptor(),
                                    callTimes,
                                    rates,
                                    senders,
                                    ops.serverInterceptor()),
                            edgeJournal))
                    .addService(health.getHealthService())
                    .addService(ProtoReflectionService.newInstance())
                    .handshakeTimeout(10, TimeUnit.SECONDS);
            transportLimits = TransportLimits.apply(
                    builder,
                    config.edge().transport(),
                    config.limits().maxRequestBytes(),
                    config.limits().maxConcurrentCallsPerConnection());
            Server server = builder.build().start();
            return new GatewayListener(server, health, rateLimiter, callTimes, transportLimits);
        } catch (IOException | RuntimeException e) {
            callTimes.close();
            if (transportLimits != null) {
                transportLimits.close();
            }
            throw e;
        }
    }

    int port() {
        return server.getPort();
    }

    /** The first SERVING, before readiness has had its say. */
    void markServing() {
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus(GatewayGrpc.SERVICE_NAME, ServingStatus.SERVING);
    }

    /** gRPC health of every service, unless shutdown has already made it terminal. */
    void serving(boolean serving) {
        ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        for (String service :
                new String[] {"", GatewayGrpc.SERVICE_NAME, CabinetGrpc.SERVICE_NAME, CompletionNoticesGrpc.SERVICE_NAME
                }) {
            try {
                health.setStatus(service, status);
            } catch (IllegalStateException e) {
                return; // terminal: the server is shutting down
            }
        }
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    ConnectionLimits connections() {
        return transport.connections();
    }

    /** Stops the edge's timers and connection accounting (after the calls have ended). */
    void closeEdge() {
        callTimes.close();
        transport.close();
    }

    /**
     * Health NOT_SERVING for good, stop accepting, let in-flight calls finish within {@code grace},
     * then cancel them.
     */
    void shutdown(Duration grace) {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("in-flight calls did not finish within {}; cancelling them", grace);
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}
