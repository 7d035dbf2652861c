package kz.shlyuz.certs.pki;

import java.util.List;
import kz.shlyuz.certs.identity.NcaOids;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The extensions a certificate gets, by kind, as the national CA issues them: signing keys carry
 * nonRepudiation and emailProtection, authentication keys clientAuth, and the holder's role
 * travels as a Kazakh EKU OID.
 *
 * @param pathLength for a CA, the basic-constraints path length ({@code -1}: unlimited); {@code null} for an end entity
 * @param keyUsage {@link KeyUsage} bits
 * @param extendedKeyUsage key purposes, empty for none
 * @param policies certificate policy OIDs, empty for none
 * @param subjectAltNames subject alternative names, empty for none
 */
record CertificateProfile(
        Integer pathLength,
        int keyUsage,
        List<ASN1ObjectIdentifier> extendedKeyUsage,
        List<ASN1ObjectIdentifier> policies,
        List<GeneralName> subjectAltNames) {

    private static final ASN1ObjectIdentifier EMAIL_PROTECTION = KeyPurposeId.id_kp_emailProtection.toOID();
    private static final ASN1ObjectIdentifier CLIENT_AUTH = KeyPurposeId.id_kp_clientAuth.toOID();
    private static final ASN1ObjectIdentifier SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.toOID();

    CertificateProfile {
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        policies = List.copyOf(policies);
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    boolean ca() {
        return pathLength != null;
    }

    /** A self-signed root: signs certificates and CRLs, any depth below. */
    static CertificateProfile root() {
        return new CertificateProfile(-1, KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(), List.of(), List.of());
    }

    /** An issuing CA directly below a root, which issues only end entities. */
    static CertificateProfile intermediate() {
        return new CertificateProfile(
                0,
                KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign,
                List.of(),
                List.of(),
                List.of());
    }

    /** An individual's signing certificate (policy 1.2.398.3.3.2.3). */
    static CertificateProfile individualSigning() {
        return new CertificateProfile(
                null,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                List.of(EMAIL_PROTECTION, NcaOids.HOLDER_INDIVIDUAL),
                List.of(NcaOids.POLICY_INDIVIDUAL_SIGNING),
                List.of());
    }

    /** An individual's authentication certificate (policy 1.2.398.3.3.2.4). */
    static CertificateProfile individualAuthentication() {
        return new CertificateProfile(
                null,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                List.of(CLIENT_AUTH, NcaOids.HOLDER_INDIVIDUAL),
                List.of(NcaOids.POLICY_INDIVIDUAL_AUTH),
                List.of());
    }

    /**
     * A legal entity's signing certificate (policy 1.2.398.3.3.2.1) for a holder in {@code subRole}
     * ({@link NcaOids#HOLDER_LEGAL_EMPLOYEE}, {@link NcaOids#HOLDER_LEGAL_SIGNING_RIGHT} …).
     */
    static CertificateProfile legalSigning(ASN1ObjectIdentifier subRole) {
        return new CertificateProfile(
                null,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                List.of(EMAIL_PROTECTION, NcaOids.HOLDER_LEGAL_ENTITY, subRole),
                List.of(NcaOids.POLICY_LEGAL_SIGNING),
                List.of());
    }

    /** A time-stamping authority's certificate: EKU timeStamping only (critical, as RFC 3161 requires). */
    static CertificateProfile timeStamping() {
        return new CertificateProfile(
                null,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                List.of(KeyPurposeId.id_kp_timeStamping.toOID()),
                List.of(),
                List.of());
    }

    /** True for a time-stamping certificate, whose EKU extension must be critical. */
    boolean timeStampingOnly() {
        return extendedKeyUsage.equals(List.of(KeyPurposeId.id_kp_timeStamping.toOID()));
    }

    /** A system's TLS certificate, usable as both server and client of mutual TLS. */
    static CertificateProfile tls(String system) {
        return new CertificateProfile(
                null,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                List.of(SERVER_AUTH, CLIENT_AUTH),
                List.of(),
                List.of(
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.dNSName, system),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
}
