package kz.shlyuz.cli;

import java.time.Duration;
import java.util.List;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayAddresses;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.gateway.server.DevMaterial;
import picocli.CommandLine.Option;

/** Where the gateway is, for the client commands. */
final class GatewayOptions {
    @Option(
            names = "--gateway",
            defaultValue = "127.0.0.1:8443",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Gateway address, or several nodes' addresses comma-separated: calls are spread "
                    + "over the nodes that are up (round robin) (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(
            names = "--deadline",
            defaultValue = "PT10S",
            description = "Per-call deadline (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    /** A mutual-TLS client as {@code system}, with its dev TLS certificate. */
    GatewayClient connect(DevPki pki, String system) {
        List<GatewayAddresses.Address> addresses;
        try {
            addresses = GatewayAddresses.parse(gateway);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--gateway: " + e.getMessage());
        }
        return new GatewayClient(
                addresses,
                new TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM,
                deadline);
    }
}
