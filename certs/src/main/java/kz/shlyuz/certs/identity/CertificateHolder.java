package kz.shlyuz.certs.identity;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a certificate says about its holder, read the national CA's way: the IIN from the
 * subject's {@code SERIALNUMBER=IIN<12>}, the BIN from {@code OU=BIN<12>}, the holder's role from
 * the extended key usage, and whether the key is for signing documents or for authentication.
 *
 * <p>The IIN and BIN are taken as written, without checking their check digit: the national CA's
 * own test certificates fail it, and whether to accept them is the verifier's decision.
 *
 * @param commonName the subject CN, or {@code null} when absent
 * @param iin the twelve characters after {@code IIN} in the subject SERIALNUMBER, or {@code null}
 * @param bin the twelve characters after {@code BIN} in a subject OU, or {@code null}
 * @param organisation the subject O, or {@code null}
 * @param role the holder's role from the EKU (falling back to the certificate policies)
 * @param signingCertificate true when the key may sign documents: key usage nonRepudiation or EKU
 *     emailProtection, but not an authentication-only certificate
 * @param authenticationCertificate true when the key authenticates its holder: EKU clientAuth, or
 *     an authentication policy ({@code 1.2.398.3.3.2.2 / .2.4})
 */
public record CertificateHolder(
        String commonName,
        String iin,
        String bin,
        String organisation,
        HolderRole role,
        boolean signingCertificate,
        boolean authenticationCertificate) {

    private static final String IIN_PREFIX = "IIN";
    private static final String BIN_PREFIX = "BIN";

    public CertificateHolder {
        Objects.requireNonNull(role, "role");
    }

    /** Reads a JCA certificate; its algorithm need not be known to any provider. */
    public static CertificateHolder of(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            return of(new X509CertificateHolder(certificate.getEncoded()));
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("certificate: cannot be encoded (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the X.509 structure only, so certificates whose key no JCA provider understands
     * (GOST 34.310-2004 with Kazakh OIDs) can be read too.
     */
    public static CertificateHolder of(X509CertificateHolder certificate) {
        Objects.requireNonNull(certificate, "certificate");
        X500Name subject = certificate.getSubject();
        Extensions extensions = certificate.getExtensions();

        String serialNumber = first(subject, BCStyle.SERIALNUMBER, null);
        String iin = stripPrefix(serialNumber, IIN_PREFIX);
        String bin = stripPrefix(first(subject, BCStyle.OU, BIN_PREFIX), BIN_PREFIX);

        ExtendedKeyUsage eku = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
        KeyUsage keyUsage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
        List<ASN1ObjectIdentifier> policies = policies(extensions);

        boolean emailProtection = has(eku, KeyPurposeId.id_kp_emailProtection.toOID());
        boolean clientAuth = has(eku, KeyPurposeId.id_kp_clientAuth.toOID());
        boolean nonRepudiation = keyUsage != null && keyUsage.hasUsages(KeyUsage.nonRepudiation);

        // An authentication certificate may still carry nonRepudiation in some issuances; what
        // makes it a signing one is emailProtection, or nonRepudiation without clientAuth.
        boolean signing = emailProtection || (nonRepudiation && !clientAuth);
        boolean authentication = clientAuth
                || policies.contains(NcaOids.POLICY_LEGAL_AUTH)
                || policies.contains(NcaOids.POLICY_INDIVIDUAL_AUTH);

        return new CertificateHolder(
                first(subject, BCStyle.CN, null),
                iin,
                bin,
                first(subject, BCStyle.O, null),
                role(eku, policies),
                signing,
                authentication);
    }

    /** True when the holder acts for a legal entity (any legal-entity role). */
    public boolean legalEntity() {
        return role.legalEntity();
    }

    @Override
    public String toString() {
        // The IIN is personal data: records end up in logs.
        return "CertificateHolder[commonName=" + commonName + ", iin=" + Iin.mask(iin) + ", bin=" + bin
                + ", organisation=" + organisation + ", role=" + role + ", signingCertificate=" + signingCertificate
                + ", authenticationCertificate=" + authenticationCertificate + "]";
    }

    private static HolderRole role(ExtendedKeyUsage eku, List<ASN1ObjectIdentifier> policies) {
        if (has(eku, NcaOids.HOLDER_LEGAL_FIRST_HEAD)) {
            return HolderRole.LEGAL_FIRST_HEAD;
        }
        if (has(eku, NcaOids.HOLDER_LEGAL_SIGNING_RIGHT)) {
            return HolderRole.LEGAL_SIGNING_RIGHT;
        }
        if (has(eku, NcaOids.HOLDER_LEGAL_FINANCIAL)) {
            return HolderRole.LEGAL_FINANCIAL;
        }
        if (has(eku, NcaOids.HOLDER_LEGAL_HR)) {
            return HolderRole.LEGAL_HR;
        }
        if (has(eku, NcaOids.HOLDER_LEGAL_EMPLOYEE)) {
            return HolderRole.LEGAL_EMPLOYEE;
        }
        if (has(eku, NcaOids.HOLDER_LEGAL_ENTITY)) {
            return HolderRole.LEGAL_ENTITY;
        }
        if (has(eku, NcaOids.HOLDER_INDIVIDUAL)) {
            return HolderRole.INDIVIDUAL;
        }
        // Older certificates mark the holder only through the policy.
        if (policies.contains(NcaOids.POLICY_LEGAL_SIGNING) || policies.contains(NcaOids.POLICY_LEGAL_AUTH)) {
            return HolderRole.LEGAL_ENTITY;
        }
        if (policies.contains(NcaOids.POLICY_INDIVIDUAL_SIGNING) || policies.contains(NcaOids.POLICY_INDIVIDUAL_AUTH)) {
            return HolderRole.INDIVIDUAL;
        }
        return HolderRole.UNKNOWN;
    }

    private static boolean has(ExtendedKeyUsage eku, ASN1ObjectIdentifier purpose) {
        return eku != null && eku.hasKeyPurposeId(KeyPurposeId.getInstance(purpose));
    }

    private static List<ASN1ObjectIdentifier> policies(Extensions extensions) {
        List<ASN1ObjectIdentifier> result = new ArrayList<>();
        CertificatePolicies policies = extensions == null ? null : CertificatePolicies.fromExtensions(extensions);
        if (policies != null) {
            for (PolicyInformation info : policies.getPolicyInformation()) {
                result.add(info.getPolicyIdentifier());
            }
        }
        return result;
    }

    /** The first value of {@code type} in the subject (starting with {@code prefix} when given). */
    private static String first(X500Name name, ASN1ObjectIdentifier type, String prefix) {
        for (RDN rdn : name.getRDNs(type)) {
            // Multi-valued RDNs are legal; look at every attribute of the right type.
            for (var attribute : rdn.getTypesAndValues()) {
                if (!attribute.getType().equals(type)) {
                    continue;
                }
                String value = text(attribute.getValue());
                if (prefix == null || value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }

    private static String stripPrefix(String value, String prefix) {
        if (value == null || !value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return value.substring(prefix.length()).trim();
    }
}
