package kz.shlyuz.gateway.server;

import java.time.Clock;
import java.util.List;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.signature.TrustDirectory;
import kz.shlyuz.gateway.signature.TrustSource;

/** Chooses the document-signature trust from the configuration: the given material, folders, or both. */
final class SignatureTrust {
    private SignatureTrust() {}

    /**
     * @param material the trust the gateway was started with (the dev PKI's)
     */
    static TrustSource of(SignerRules rules, TrustSource material, Clock clock) {
        if (rules.trustDirs().isEmpty()) {
            if (!rules.devPkiTrust()) {
                throw new IllegalArgumentException("trust: devPki is false and no dirs are given (expected: some trust)");
            }
            return material;
        }
        return new TrustDirectory(rules.trustDirs(), rules.devPkiTrust() ? List.of(material.current()) : List.of(),
                clock, rules.trustRecheck());
    }
}
