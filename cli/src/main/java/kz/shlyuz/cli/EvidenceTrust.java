package kz.shlyuz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustDirectory;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.TrustSource;
import kz.shlyuz.gateway.signature.VerificationPolicy;

/** The trust the evidence commands verify against: {@code --trust} folders, else the dev PKI of the data directory. */
final class EvidenceTrust {
    private EvidenceTrust() {}

    /**
     * An archive-mode verifier: certificates judged at each signature's signing time, no OCSP
     * (the evidence carries its own revocation answers), CRLs of the trust folders if any.
     */
    static SignatureVerifier offline(List<Path> trust, Path dataDir) {
        Clock clock = Clock.systemUTC();
        TrustSource source;
        if (trust != null && !trust.isEmpty()) {
            source = new TrustDirectory(trust, List.of(), clock, Duration.ZERO);
        } else {
            Path pkiDir = dataDir.resolve("pki");
            if (!Files.isRegularFile(pkiDir.resolve("index.json"))) {
                throw new IllegalArgumentException(
                        "no trust: pass --trust DIR (CA certificates), or run './shlyuz serve' " + "once to create "
                                + pkiDir);
            }
            DevPki pki = DevPki.load(pkiDir);
            source = new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls());
        }
        return new SignatureVerifier(
                source, clock, new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
    }
}
