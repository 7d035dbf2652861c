package kz.shlyuz.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import kz.shlyuz.certs.pki.DevPki;

/**
 * One development PKI per test JVM: generating ~50 RSA keys takes seconds, and every test class
 * can share the same certificates because none of them mutates the PKI.
 */
public final class TestPki {
    private static DevPki pki;

    private TestPki() {}

    public static synchronized DevPki get() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("shlyuz-pki-");
                pki = DevPki.generate(dir, Instant.now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }

    /** The dev PKI's trust for document signatures (every hierarchy, with CRLs). */
    public static kz.shlyuz.gateway.signature.TrustMaterial trust() {
        DevPki p = get();
        return new kz.shlyuz.gateway.signature.TrustMaterial(p.signingTrustAnchors(), p.signingIntermediates(), p.crls());
    }
}
