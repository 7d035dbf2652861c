package kz.shlyuz.gateway.signature;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What signatures are checked against: the trusted roots, intermediates that signers may omit,
 * and the CRLs of the issuing CAs.
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls)
        implements TrustSource {
    public TrustMaterial {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("anchors: empty (expected: at least one trusted root)");
        }
        anchors = List.copyOf(anchors);
        intermediates = List.copyOf(intermediates);
        crls = List.copyOf(crls);
    }

    /** A fixed set is its own source. */
    @Override
    public TrustMaterial current() {
        return this;
    }
}
