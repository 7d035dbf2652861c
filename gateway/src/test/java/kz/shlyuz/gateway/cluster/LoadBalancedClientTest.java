package kz.shlyuz.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayAddresses;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestGateway;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.Test;

/**
 * A client given several gateway nodes spreads its calls over them with gRPC's own round-robin
 * balancing, and keeps working on the nodes left when one stops. Both nodes share one journal.
 */
class LoadBalancedClientTest {
    private final RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));

    @Test
    void spreadsCallsOverEveryNodeAndKeepsCallingWhenOneStops() throws Exception {
        try (TestGateway env =
                TestGateway.builder().folderPrefix("shlyuz-balanced-").start()) {
            GatewayServer first = env.gateway;
            GatewayServer second = env.startNode(GatewayServer.Processes.defaults(Clock.systemUTC()));
            List<GatewayAddresses.Address> addresses =
                    GatewayAddresses.parse("127.0.0.1:" + first.port() + ", 127.0.0.1:" + second.port());
            try (GatewayClient client = new GatewayClient(
                    addresses,
                    new TlsFiles(
                            env.pki.tlsCertChainPem("egov-portal"),
                            env.pki.tlsKeyPem("egov-portal"),
                            env.pki.tlsTrustPem()),
                    DevMaterial.GATEWAY_SYSTEM,
                    Duration.ofSeconds(10))) {
                // The balancer connects to both at once; until the second is up, calls go to the first.
                int[] sent = {0};
                Await.until(
                        () -> {
                            callAddressCertificate(env, client);
                            sent[0]++;
                            return requests(first) >= 2 && requests(second) >= 2;
                        },
                        Duration.ofSeconds(30),
                        Duration.ofMillis(1),
                        () -> "both nodes served calls; first " + requests(first) + ", second " + requests(second));
                // A call is counted when its journal entry is written, which may trail the answer a little.
                Await.until(
                        () -> requests(first) + requests(second) == sent[0],
                        Duration.ofSeconds(10),
                        () -> "each of " + sent[0] + " calls counted on exactly one node; first " + requests(first)
                                + ", second " + requests(second));

                second.close();
                double before = requests(first);
                for (int i = 0; i < 6; i++) {
                    callAddressCertificate(env, client);
                }
                Await.until(
                        () -> requests(first) == before + 6,
                        Duration.ofSeconds(10),
                        () -> "the node left carried the 6 calls; it counts " + (requests(first) - before));
            }
        }
    }

    private void callAddressCertificate(TestGateway env, GatewayClient client) {
        String iin = Persona.CLEAN.iin().value();
        SignedResponse response = client.call(requests.sign(
                RequestBuilder.content(
                        "egov-portal",
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder().setIin(iin).build(),
                        Instant.now()),
                List.of(env.pki.signerKey(Persona.CLEAN.key()))));
        try {
            ResponseContent content = ResponseContent.parseFrom(response.getContent());
            assertEquals("ADDRESS_CERTIFICATE", content.getServiceId());
            assertTrue(response.getSignature().size() > 0, "the answer is signed");
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("the answer's content does not parse", e);
        }
    }

    /** Calls a node has journaled, whatever their outcome. */
    private static double requests(GatewayServer node) {
        return node.operations().metrics().registry().find("shlyuz.requests").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
