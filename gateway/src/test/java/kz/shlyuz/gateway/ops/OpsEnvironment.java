package kz.shlyuz.gateway.ops;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestAdapters;
import kz.shlyuz.gateway.TestGateway;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.GatewayServer;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * A real gateway over mutual TLS (a {@link TestGateway}) with the two address registers (gbd-fl,
 * gbd-ul) as its only adapters, its admin listener on a free port, on a clock the test may
 * advance. Adapters can be stopped and started again on the same port.
 */
final class OpsEnvironment implements AutoCloseable {
    final TestGateway test;
    final DevPki pki;
    final Clock clock;
    final RequestBuilder requests;
    final GatewayServer gateway;
    final GatewayConfig config;
    final AdminHttp admin;

    OpsEnvironment(Clock clock, UnaryOperator<GatewayConfig> tweak) throws IOException {
        this.clock = clock;
        this.requests = new RequestBuilder(new CmsSigner(clock));
        this.test = TestGateway.builder()
                .adapters(List.of("gbd-fl", "gbd-ul"))
                .clock(clock)
                .config(tweak)
                .folderPrefix("shlyuz-ops-")
                .start();
        this.pki = test.pki;
        this.gateway = test.gateway;
        this.config = test.config;
        this.admin = new AdminHttp(gateway.operations().adminPort());
    }

    void stopAdapter(String name) {
        test.adapters.stop(name);
    }

    void startAdapter(String name) throws IOException {
        test.adapters.start(name);
    }

    GatewayClient client(String system) {
        return test.client(system);
    }

    /** An address-certificate request of the portal for {@code persona}, signed by {@code signer}. */
    SignedRequest addressRequest(Persona persona, String signer) {
        RequestContent content = RequestBuilder.content(
                "egov-portal",
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder()
                        .setIin(persona.iin().value())
                        .build(),
                clock.instant());
        return requests.sign(content, List.of(pki.signerKey(signer)));
    }

    static int freePort() {
        return TestAdapters.freePort();
    }

    @Override
    public void close() {
        test.close();
    }
}
