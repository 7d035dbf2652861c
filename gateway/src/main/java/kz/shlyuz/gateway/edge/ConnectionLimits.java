package kz.shlyuz.gateway.edge;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.ServerTransportFilter;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.shlyuz.certs.identity.SystemIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections in total and per client-certificate identity. The total is enforced
 * when a connection is accepted — before its TLS handshake, so idle sockets cannot exhaust file
 * descriptors; the one over the cap is closed at once. The per-identity cap is enforced when the
 * TLS handshake has told who the peer is ({@link ServerTransportFilter#transportReady}); the one
 * over it is closed then. Either is logged at most once every 10 s, with the count folded in.
 */
public final class ConnectionLimits extends ServerTransportFilter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final Attributes.Key<String> COUNTED_AS = Attributes.Key.create("shlyuz.connection-system");
    /**
     * Set on a connection closed for the per-system cap: calls that arrived with its first packets,
     * before the close took effect, are refused with CONNECTION_LIMITED by {@link RateLimitInterceptor}.
     */
    static final Attributes.Key<String> OVER_CAP = Attributes.Key.create("shlyuz.connection-over-cap");

    private final int maxConnections;
    private final int maxPerSystem;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<SocketAddress, Channel> byPeer = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perSystem = new ConcurrentHashMap<>();
    private final OncePer totalLog = new OncePer(Duration.ofSeconds(10));
    private final OncePer systemLog = new OncePer(Duration.ofSeconds(10));

    public ConnectionLimits(int maxConnections, int maxPerSystem) {
        this.maxConnections = maxConnections;
        this.maxPerSystem = maxPerSystem;
    }

    /** Connections open now (accepted, not yet closed). */
    public int open() {
        return open.get();
    }

    /** Connections open now whose client certificate names {@code system}. */
    public int open(String system) {
        AtomicInteger count = perSystem.get(system);
        return count == null ? 0 : count.get();
    }

    /** The server socket channel that counts what it accepts: give it to the builder's channel factory. */
    public NioServerSocketChannel newServerChannel() {
        return new NioServerSocketChannel() {
            @Override
            protected int doReadMessages(List<Object> buf) throws Exception {
                int before = buf.size();
                int read = super.doReadMessages(buf);
                for (int i = buf.size() - 1; i >= before; i--) {
                    Channel child = (Channel) buf.get(i);
                    if (!accepted(child)) {
                        buf.remove(i);
                        child.unsafe().closeForcibly();
                        read--;
                    }
                }
                return read;
            }
        };
    }

    private boolean accepted(Channel child) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            SocketAddress peer = child.remoteAddress();
            totalLog.event(folded -> log.warn(
                    "connection from {} refused: {} connections open, the most allowed"
                            + " (limits.transport.maxConnections){}",
                    peer,
                    maxConnections,
                    folded == 0 ? "" : "; " + folded + " more refused since the last such line"));
            return false;
        }
        SocketAddress peer = child.remoteAddress();
        if (peer != null) {
            byPeer.put(peer, child);
        }
        // The listener only counts; the close future itself needs no waiting.
        var unused = child.closeFuture().addListener(f -> {
            open.decrementAndGet();
            if (peer != null) {
                byPeer.remove(peer, child);
            }
        });
        return true;
    }

    @Override
    public Attributes transportReady(Attributes attributes) {
        if (!(SystemIdentity.of(attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION))
                instanceof SystemIdentity.Identified identified)) {
            // Calls on it are refused with SENDER_CERT_INVALID; it counts towards the total only.
            return attributes;
        }
        String system = identified.systemId();
        AtomicInteger count = perSystem.computeIfAbsent(system, s -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerSystem) {
            count.decrementAndGet();
            SocketAddress peer = attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            systemLog.event(folded -> log.warn(
                    "connection of {} from {} closed: it has {} connections open, the most"
                            + " allowed per system (limits.transport.maxConnectionsPerSystem){}",
                    system,
                    peer,
                    maxPerSystem,
                    folded == 0 ? "" : "; " + folded + " more closed since the last such line"));
            Channel channel = peer == null ? null : byPeer.get(peer);
            if (channel != null) {
                var unused = channel.close(); // closes in the background; the attributes carry the refusal
            }
            return attributes.toBuilder()
                    .set(OVER_CAP, system + ": " + maxPerSystem + " open")
                    .build();
        }
        return attributes.toBuilder().set(COUNTED_AS, system).build();
    }

    @Override
    public void transportTerminated(Attributes attributes) {
        String system = attributes == null ? null : attributes.get(COUNTED_AS);
        if (system != null) {
            perSystem.get(system).decrementAndGet();
        }
    }
}
