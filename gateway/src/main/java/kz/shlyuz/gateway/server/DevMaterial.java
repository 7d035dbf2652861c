package kz.shlyuz.gateway.server;

import java.time.Clock;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.signature.TrustMaterial;

/** The gateway's keys, trust and time-stamping taken from the development PKI under {@code data/pki}. */
public final class DevMaterial {
    /** The gateway's TLS identity (CN) and the signing identity it answers with. */
    public static final String GATEWAY_SYSTEM = "gateway";

    public static final String GATEWAY_SIGNER = "agency-gateway";

    private DevMaterial() {}

    public static GatewayServer.Material from(DevPki pki, Clock clock) {
        return new GatewayServer.Material(
                new TlsFiles(pki.tlsCertChainPem(GATEWAY_SYSTEM), pki.tlsKeyPem(GATEWAY_SYSTEM), pki.tlsTrustPem()),
                new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
                pki.signerKey(GATEWAY_SIGNER),
                clock,
                // The gateway time-stamps its own (RSA) signatures with a dev TSA under the national
                // RSA-SHA256 TSA policy (1.2.398.3.3.2.6.2). An RSA stamp costs a fraction of a
                // GOST 2015-512 one in BouncyCastle's pure-Java arithmetic (./shlyuz bench: the stamp
                // was 40 % of the request threads' time with GOST).
                new TimeStampAuthority(pki.newTimeStampingKey("RSA"), clock));
    }
}
