package kz.shlyuz.gateway.config;

import java.util.Set;

/**
 * Where an agency adapter listens and whose signatures its answers must carry.
 *
 * @param signerBins BINs that must each sign every answer (the address certificate: MVD and the
 *     Ministry of Justice); empty means any trusted agency signing certificate will do
 */
public record AdapterEndpoint(String host, int port, Set<String> signerBins) {
    public AdapterEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: empty (expected: a host name or address)");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1–65535)");
        }
        signerBins = Set.copyOf(signerBins);
    }

    /** Parses {@code host:port}. */
    public static AdapterEndpoint parse(String address, Set<String> signerBins) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("address: " + address + " (expected: host:port)");
        }
        return new AdapterEndpoint(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)), signerBins);
    }

    public String target() {
        return host + ":" + port;
    }
}
