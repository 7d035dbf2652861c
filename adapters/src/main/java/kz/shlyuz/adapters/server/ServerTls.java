package kz.shlyuz.adapters.server;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import kz.shlyuz.certs.pki.DevPki;

/** Mutual TLS for an adapter: its own certificate from the dev PKI, client certificates required. */
public final class ServerTls {

    private ServerTls() {}

    /**
     * The TLS credentials of an adapter server: its dev PKI key and certificate, asking for the gateway's client certificate.
     *
     * @param systemId the adapter's TLS identity (its certificate's CN), e.g. gbd-fl
     * @throws IOException when the PEM files cannot be read
     */
    public static ServerCredentials credentials(DevPki pki, String systemId) throws IOException {
        return TlsServerCredentials.newBuilder()
                .keyManager(
                        pki.tlsCertChainPem(systemId).toFile(),
                        pki.tlsKeyPem(systemId).toFile())
                .trustManager(pki.tlsTrustPem().toFile())
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                .build();
    }
}
