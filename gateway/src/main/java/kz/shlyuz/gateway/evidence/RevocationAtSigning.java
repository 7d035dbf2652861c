package kz.shlyuz.gateway.evidence;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * For {@link ContainerVerifier}: whether the revocation evidence kept with a record (an OCSP
 * response or a CRL) shows a signer's certificate not revoked at its signing time, signed by the
 * certificate's CA or the CA's delegated OCSP responder. A revocation after the signing time does
 * not undo a signature. Each check returns a line for a person, or throws {@link
 * IllegalStateException} saying why the evidence does not hold.
 */
final class RevocationAtSigning {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /**
     * How much earlier than the signing time an OCSP answer may be and still speak for it: the
     * gateway reuses an answer for up to its cache time (trust.ocsp.cacheTtl, default 1 minute).
     */
    static final Duration OCSP_BEFORE_SIGNING = Duration.ofMinutes(10);

    private RevocationAtSigning() {}

    /** The instant a signer's certificate is judged at: the time-stamp's, else its signing-time. */
    private static Instant judgedAt(VerifiedSigner s) {
        return s.signingTime();
    }

    static String ocsp(byte[] der, VerifiedSigner s) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw new IllegalStateException("not a successful basic OCSP response");
            }
            if (s.chain().size() < 2) {
                throw new IllegalStateException("the signer's issuer is unknown");
            }
            X509CertificateHolder issuer =
                    new X509CertificateHolder(s.chain().get(1).getEncoded());
            X509CertificateHolder signer = issuer;
            for (X509CertificateHolder included : basic.getCerts()) {
                if (!included.equals(issuer)) {
                    ExtendedKeyUsage eku = included.getExtensions() == null
                            ? null
                            : ExtendedKeyUsage.fromExtensions(included.getExtensions());
                    if (!included.isSignatureValid(verifierOf(issuer))
                            || eku == null
                            || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                        throw new IllegalStateException("the responder is not the CA or its delegated OCSP responder");
                    }
                    signer = included;
                }
            }
            if (!basic.isSignatureValid(verifierOf(signer))) {
                throw new IllegalStateException("the OCSP response's signature does not verify");
            }
            CertificateID id = new CertificateID(
                    GostOperators.digestCalculatorProvider().get(CertificateID.HASH_SHA1),
                    issuer,
                    s.certificate().getSerialNumber());
            Instant at = judgedAt(s);
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                Instant thisUpdate = single.getThisUpdate().toInstant();
                if (thisUpdate.isBefore(at.minus(OCSP_BEFORE_SIGNING))) {
                    throw new IllegalStateException(
                            "the OCSP answer (" + thisUpdate + ") is older than the signature (" + at + ")");
                }
                Object status = single.getCertStatus();
                if (status == null) {
                    return "not revoked at signing time: OCSP good, thisUpdate " + thisUpdate + ", by "
                            + signer.getSubject();
                }
                if (status instanceof RevokedStatus revoked) {
                    Instant when = revoked.getRevocationTime().toInstant();
                    if (!when.isAfter(at)) {
                        throw new IllegalStateException("revoked " + when + ", before the signature");
                    }
                    return "revoked only later (" + when + "), valid at signing time (OCSP by " + signer.getSubject()
                            + ")";
                }
                throw new IllegalStateException("the responder did not know the certificate");
            }
            throw new IllegalStateException("the OCSP response is about another certificate");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("OCSP response unreadable: " + e.getMessage(), e);
        }
    }

    static String crl(RevocationBlob.CrlRef ref, Map<String, byte[]> crls, VerifiedSigner s) {
        byte[] der = crls.get(ref.derSha256());
        if (der == null) {
            throw new IllegalStateException("CRL " + ref.number() + " is not in the container");
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            X509Certificate issuer = s.chain().get(1);
            X509CertificateHolder issuerHolder = new X509CertificateHolder(issuer.getEncoded());
            X509CRLHolder holder = new X509CRLHolder(der);
            if (!holder.isSignatureValid(verifierOf(issuerHolder))) {
                throw new IllegalStateException("CRL " + ref.number() + " is not signed by the signer's CA");
            }
            Instant at = judgedAt(s);
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(at)) {
                throw new IllegalStateException("CRL " + ref.number() + " was not current at signing time");
            }
            X509CRLEntry entry = crl.getRevokedCertificate(s.certificate());
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                throw new IllegalStateException("listed on CRL " + ref.number() + " as revoked before the signature");
            }
            return "not revoked at signing time: CRL " + ref.number() + " of "
                    + issuer.getSubjectX500Principal().getName() + ", thisUpdate "
                    + crl.getThisUpdate().toInstant();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("CRL unreadable: " + e.getMessage(), e);
        }
    }

    private static ContentVerifierProvider verifierOf(X509CertificateHolder certificate) throws Exception {
        if (GostKeys.isGost(certificate.getSubjectPublicKeyInfo())) {
            return GostOperators.contentVerifierProvider(certificate);
        }
        return new JcaContentVerifierProviderBuilder().setProvider(BC).build(certificate);
    }
}
