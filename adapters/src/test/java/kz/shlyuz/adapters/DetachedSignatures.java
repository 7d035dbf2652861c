package kz.shlyuz.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/** Verifies a detached CMS SignedData independently of the code under test, with BouncyCastle. */
final class DetachedSignatures {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private DetachedSignatures() {}

    /**
     * Verifies every SignerInfo over {@code content} (which must not be encapsulated) and that its
     * message-digest attribute is SHA-256 of {@code content}.
     *
     * @return the signer certificates, in SignerInfo order
     */
    static List<X509Certificate> verify(byte[] content, byte[] signatureDer)
            throws CMSException, OperatorCreationException, CertificateException, NoSuchAlgorithmException {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signatureDer);
        assertNull(new CMSSignedData(signatureDer).getSignedContent(), "the signature must be detached");
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(content);
        List<X509Certificate> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches =
                    signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            X509CertificateHolder holder = matches.iterator().next();
            assertTrue(
                    signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                            .setProvider(BC)
                            .build(holder)),
                    () -> "signature of " + holder.getSubject());
            Attribute digest = signer.getSignedAttributes().get(CMSAttributes.messageDigest);
            assertArrayEquals(
                    sha256,
                    ASN1OctetString.getInstance(digest.getAttrValues().getObjectAt(0))
                            .getOctets(),
                    "message-digest attribute");
            signers.add(new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder));
        }
        return signers;
    }
}
