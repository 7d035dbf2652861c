package kz.shlyuz.client;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Several gateway nodes as one gRPC target: a fixed list of {@code HOST:PORT}, handed to gRPC's own
 * load balancer (the channel asks for {@code round_robin}), so every call goes to the next node and
 * a node that stops answering is left out until it is back. The list is written into the target
 * itself ({@value #SCHEME}{@code :///host1:port1,host2:port2}) and resolved by a name resolver
 * registered once with gRPC's default registry; nothing here opens a connection.
 */
public final class GatewayAddresses {
    /** The target scheme of a node list; chosen so it cannot clash with gRPC's {@code dns} or a proxy's. */
    public static final String SCHEME = "shlyuz-nodes";

    static {
        NameResolverRegistry.getDefaultRegistry().register(new Provider());
    }

    private GatewayAddresses() {}

    /** One node: where it listens. */
    public record Address(String host, int port) {
        public Address {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("gateway address: empty host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("gateway address " + host + ":" + port + ": port out of 1–65535");
            }
        }

        @Override
        public String toString() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    /**
     * {@code HOST:PORT[,HOST:PORT…]} as addresses, in order; an IPv6 host is written in brackets.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code HOST:PORT}
     */
    public static List<Address> parse(String list) {
        List<Address> out = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String item = raw.trim();
            int colon = item.lastIndexOf(':');
            if (item.isEmpty() || colon <= 0 || colon == item.length() - 1) {
                throw new IllegalArgumentException("'" + item + "' (expected: HOST:PORT, e.g. 127.0.0.1:8443)");
            }
            String host = item.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(item.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' (expected: HOST:PORT, e.g. 127.0.0.1:8443)", e);
            }
            out.add(new Address(host, port));
        }
        return List.copyOf(out);
    }

    /** The gRPC target naming these nodes (resolved by this class's resolver). */
    static String target(List<Address> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("gateway addresses: none given");
        }
        StringBuilder s = new StringBuilder(SCHEME).append(":///");
        for (int i = 0; i < addresses.size(); i++) {
            s.append(i == 0 ? "" : ",").append(addresses.get(i));
        }
        return s.toString();
    }

    /** Resolves {@value #SCHEME} targets; registered with gRPC's default registry by this class. */
    static final class Provider extends NameResolverProvider {
        @Override
        protected boolean isAvailable() {
            return true;
        }

        @Override
        protected int priority() {
            return 5;
        }

        @Override
        public String getDefaultScheme() {
            return SCHEME;
        }

        @Override
        public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
            return List.of(InetSocketAddress.class);
        }

        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            if (!SCHEME.equals(target.getScheme())) {
                return null;
            }
            String path = target.getPath();
            return new Fixed(parse(path.startsWith("/") ? path.substring(1) : path));
        }
    }

    /** A resolver that always answers the same list: a node that is down stays listed and is retried by the balancer. */
    private static final class Fixed extends NameResolver {
        private final List<Address> addresses;
        private Listener2 listener;

        Fixed(List<Address> addresses) {
            this.addresses = addresses;
        }

        @Override
        public String getServiceAuthority() {
            // The channel overrides the authority with the gateway's certificate name; this is only a default.
            return addresses.get(0).host();
        }

        @Override
        public void start(Listener2 listener) {
            this.listener = listener;
            resolve();
        }

        @Override
        public void refresh() {
            if (listener != null) {
                resolve();
            }
        }

        private void resolve() {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (Address a : addresses) {
                InetSocketAddress socket = new InetSocketAddress(a.host(), a.port());
                if (socket.isUnresolved()) {
                    listener.onError(Status.UNAVAILABLE.withDescription("cannot resolve gateway host " + a.host()));
                    return;
                }
                groups.add(new EquivalentAddressGroup(socket));
            }
            listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }

        @Override
        public void shutdown() {
            listener = null;
        }
    }
}
