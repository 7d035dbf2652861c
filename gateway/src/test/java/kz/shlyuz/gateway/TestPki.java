package kz.shlyuz.gateway;

import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.signature.TrustMaterial;

/**
 * The gateway tests' view of the one shared development PKI ({@link kz.shlyuz.certs.pki.TestPki},
 * from the certs test jar): generated once per test JVM, since generating ~50 RSA keys takes
 * seconds and no test mutates it. A test that needs a PKI of its own generates one into a
 * {@code @TempDir}.
 */
public final class TestPki {
    private TestPki() {}

    public static DevPki get() {
        return kz.shlyuz.certs.pki.TestPki.shared();
    }

    /** The dev PKI's trust for document signatures (every hierarchy, with CRLs). */
    public static TrustMaterial trust() {
        DevPki p = get();
        return new TrustMaterial(p.signingTrustAnchors(), p.signingIntermediates(), p.crls());
    }
}
