package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * PKCS#12 files as OpenSSL 3 writes them by default: key and certificates encrypted with PBES2
 * (PBKDF2-HMAC-SHA256, AES-256-CBC) and an HMAC-SHA256 integrity MAC. OpenSSL 3 reads them
 * without {@code -legacy}, and so does the JDK's PKCS12 KeyStore.
 */
final class Pkcs12Files {
    private static final int ITERATIONS = 2048;
    /** A private instance: registering BouncyCastle globally would change other modules' JCA lookups. */
    private static final Provider BC = new BouncyCastleProvider();

    private Pkcs12Files() {}

    /**
     * @param alias friendly name of the key entry
     * @param chain the certificate first, then its issuers
     */
    static byte[] encode(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
            PublicKey publicKey = chain.get(0).getPublicKey();
            // localKeyId ties the key bag to its certificate bag, as OpenSSL expects.
            var localKeyId = extensionUtils.createSubjectKeyIdentifier(publicKey);

            PKCS12SafeBag[] certificateBags = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certificateBags[i] = bag.build();
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor(password));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(password), certificateBags);
            pfx.addData(keyBag.build());
            PKCS12PfxPdu pdu = pfx.build(
                    new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                            .setProvider(BC)
                            .setIterationCount(ITERATIONS),
                    password);
            return pdu.getEncoded("DER");
        } catch (IOException | PKCSException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build PKCS#12 for " + alias, e);
        }
    }

    private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(BC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .build(password);
    }
}
