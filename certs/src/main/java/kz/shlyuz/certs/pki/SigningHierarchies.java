package kz.shlyuz.certs.pki;

import java.nio.file.Files;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

/**
 * The dev PKI's CAs of document signatures — RSA, GOST 2004, GOST 2015, each a root and an
 * intermediate — by identity name, and their CRLs as the folder holds them.
 */
final class SigningHierarchies {
    /** Roots before intermediates: RSA, GOST 2004, GOST 2015. */
    static final List<String> CAS = List.of(
            DevPkiGenerator.ROOT,
            DevPkiGenerator.INTERMEDIATE,
            DevPkiGenerator.ROOT_GOST2004,
            DevPkiGenerator.INTERMEDIATE_GOST2004,
            DevPkiGenerator.ROOT_GOST2015,
            DevPkiGenerator.INTERMEDIATE_GOST2015);

    static final List<String> ROOTS =
            List.of(DevPkiGenerator.ROOT, DevPkiGenerator.ROOT_GOST2004, DevPkiGenerator.ROOT_GOST2015);
    static final List<String> INTERMEDIATES = List.of(
            DevPkiGenerator.INTERMEDIATE, DevPkiGenerator.INTERMEDIATE_GOST2004, DevPkiGenerator.INTERMEDIATE_GOST2015);

    private SigningHierarchies() {}

    /** Each CA's CRL in {@link #CAS} order; a PKI generated before the GOST hierarchies existed has only the RSA ones. */
    static List<X509CRL> crls(PkiLayout layout) {
        List<X509CRL> all = new ArrayList<>();
        for (String ca : CAS) {
            if (Files.isRegularFile(layout.crlDer(ca))) {
                all.add(PemFiles.readDerCrl(layout.crlDer(ca)));
            }
        }
        return List.copyOf(all);
    }
}
