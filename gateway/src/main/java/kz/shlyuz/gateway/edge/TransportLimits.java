package kz.shlyuz.gateway.edge;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.config.EdgeSettings;

/**
 * Puts {@code limits.transport} on the gateway's Netty server: message size aligned with
 * admission, header list size, rapid-reset protection (RST_STREAM per window, then GOAWAY),
 * connection idle and age with grace, keepalive enforcement, concurrent calls per connection,
 * and the connection caps of {@link ConnectionLimits}, which need the server's own event loops.
 * {@link #close()} shuts those down after the server has terminated.
 */
public final class TransportLimits implements AutoCloseable {
    private final ConnectionLimits connections;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;

    private TransportLimits(ConnectionLimits connections, EventLoopGroup boss, EventLoopGroup workers) {
        this.connections = connections;
        this.boss = boss;
        this.workers = workers;
    }

    /** The largest message the transport reads: the admission limit plus the envelope slack. */
    public static int maxInboundMessageBytes(EdgeSettings.Transport transport, int maxRequestBytes) {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxRequestBytes + transport.envelopeSlackBytes());
    }

    public static TransportLimits apply(
            NettyServerBuilder builder,
            EdgeSettings.Transport transport,
            int maxRequestBytes,
            int maxConcurrentCallsPerConnection) {
        ConnectionLimits connections =
                new ConnectionLimits(transport.maxConnections(), transport.maxConnectionsPerSystem());
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("shlyuz-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("shlyuz-transport", true));
        builder.channelFactory(connections::newServerChannel)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(workers)
                .addTransportFilter(connections)
                .maxInboundMessageSize(maxInboundMessageBytes(transport, maxRequestBytes))
                .maxInboundMetadataSize(transport.maxHeaderListBytes())
                .maxRstFramesPerWindow(transport.maxRstFramesPerWindow(), (int)
                        transport.rstWindow().toSeconds())
                .maxConcurrentCallsPerConnection(maxConcurrentCallsPerConnection)
                .maxConnectionIdle(transport.maxConnectionIdle().toNanos(), TimeUnit.NANOSECONDS)
                .maxConnectionAge(transport.maxConnectionAge().toNanos(), TimeUnit.NANOSECONDS)
                .maxConnectionAgeGrace(transport.maxConnectionAgeGrace().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTime(transport.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(transport.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .permitKeepAliveTime(transport.permitKeepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .permitKeepAliveWithoutCalls(false);
        QuietTransportLogs.install();
        return new TransportLimits(connections, boss, workers);
    }

    public ConnectionLimits connections() {
        return connections;
    }

    @Override
    public void close() {
        // Both groups stop in the background within their two-second timeout; close() does not wait.
        var unusedBoss = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var unusedWorkers = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
