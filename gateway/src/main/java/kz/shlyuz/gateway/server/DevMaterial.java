package kz.shlyuz.gateway.server;

import java.time.Clock;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.config.TlsFiles;
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
                // The gateway time-stamps its own signatures with a dev TSA under the national
                // GOST 2015-512 TSA policy.
                new TimeStampAuthority(pki.newTimeStampingKey("GOST2015-512"), clock));
    }
}
