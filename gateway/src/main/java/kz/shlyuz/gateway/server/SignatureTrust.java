package kz.shlyuz.gateway.server;

import java.time.Clock;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.signature.TrustDirectory;
import kz.shlyuz.gateway.signature.TrustSource;
import kz.shlyuz.gateway.signature.VerificationPolicy;

/** The document-signature trust and verification policy the configuration asks for. */
final class SignatureTrust {
    /** Why a configuration without any trust does not start, and what to add. */
    static final String NO_TRUST = "trust: no document-signature trust is configured, so every signature would be "
            + "refused. Add \"trust\": {\"dirs\": [\"/etc/shlyuz/nca\"]} (a folder of the national CA's "
            + "certificates and CRLs), or \"trust\": {\"devPki\": true} for the development PKI only.";

    private SignatureTrust() {}

    /** The verification policy the configuration asks for: signing-time window, revocation and OCSP. */
    static VerificationPolicy policy(GatewayConfig config) {
        SignerRules rules = config.signerRules();
        return new VerificationPolicy(
                config.limits().messageFreshness(),
                rules.softFailRevocation()
                        ? VerificationPolicy.RevocationMode.SOFT_FAIL
                        : VerificationPolicy.RevocationMode.REQUIRE,
                rules.ocsp());
    }

    /**
     * @param material the trust the gateway was started with (the dev PKI's)
     */
    static TrustSource of(SignerRules rules, TrustSource material, Clock clock) {
        if (rules.trustDirs().isEmpty()) {
            if (!rules.devPkiTrust()) {
                throw new IllegalArgumentException(NO_TRUST);
            }
            return material;
        }
        return new TrustDirectory(
                rules.trustDirs(),
                rules.devPkiTrust() ? List.of(material.current()) : List.of(),
                clock,
                rules.trustRecheck());
    }
}
