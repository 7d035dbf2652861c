package kz.shlyuz.cli;

import java.time.Duration;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.gateway.server.DevMaterial;
import picocli.CommandLine.Option;

/** Where the gateway is, for the client commands. */
final class GatewayOptions {
    @Option(
            names = "--gateway",
            defaultValue = "127.0.0.1:8443",
            description = "Gateway address (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(
            names = "--deadline",
            defaultValue = "PT10S",
            description = "Per-call deadline (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    /** A mutual-TLS client as {@code system}, with its dev TLS certificate. */
    GatewayClient connect(DevPki pki, String system) {
        int colon = gateway.lastIndexOf(':');
        int port = colon > 0 ? port(gateway.substring(colon + 1)) : -1;
        if (port < 1 || port > 65535) {
            throw new UsageError("--gateway: '" + gateway + "' (expected: HOST:PORT, e.g. 127.0.0.1:8443)");
        }
        return new GatewayClient(
                gateway.substring(0, colon),
                port,
                new TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM,
                deadline);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
