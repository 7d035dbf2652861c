package kz.shlyuz.gateway.signature;

import java.security.cert.CertificateException;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostOperators;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * BouncyCastle's check of one SignerInfo's signature value with a certificate's key, RSA or the
 * national GOST algorithms. Only the mathematics: trust, paths and revocation are {@link
 * SignatureVerifier}'s.
 */
public final class SignerInfoVerifiers {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private SignerInfoVerifiers() {}

    /** A verifier of signatures made by the key of {@code certificate}. */
    public static SignerInformationVerifier of(X509CertificateHolder certificate)
            throws OperatorCreationException, CertificateException {
        return GostKeys.isGost(certificate.getSubjectPublicKeyInfo())
                ? gost(certificate)
                : new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate);
    }

    /**
     * BouncyCastle's CMS verification with GOST operators. Its stock verifier maps the
     * SignerInfo's algorithm through a table of names that has no Kazakh OIDs, so this one hands
     * the SignerInfo's own signature algorithm straight to the GOST content verifier.
     */
    private static SignerInformationVerifier gost(X509CertificateHolder holder) {
        ContentVerifierProvider verifiers = GostOperators.contentVerifierProvider(holder);
        return new SignerInformationVerifier(
                new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(),
                verifiers,
                GostOperators.digestCalculatorProvider()) {
            @Override
            public ContentVerifier getContentVerifier(
                    AlgorithmIdentifier signingAlgorithm, AlgorithmIdentifier digestAlgorithm)
                    throws OperatorCreationException {
                return verifiers.get(signingAlgorithm);
            }
        };
    }
}
