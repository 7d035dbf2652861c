package kz.shlyuz.certs.gost;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A JCA provider for the national CA's GOST algorithms under their Kazakh OIDs: signatures
 * (names {@code 1.2.398.3.10.1.1.1.2} …, as the JDK names algorithms it does not know) and key
 * factories. Installing it lets the JDK's own certificate, CRL and PKIX code verify GOST chains:
 * nothing else about those classes changes.
 */
public final class GostProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** Provider name. */
    public static final String NAME = "ShlyuzKzGost";

    private static final Object LOCK = new Object();

    public GostProvider() {
        super(NAME, "1.0", "National CA of Kazakhstan GOST 34.310-2004 / 34.10-2015 (Kalkan encoding)");
        for (GostAlgorithm algorithm : GostAlgorithm.values()) {
            String signature = algorithm.signatureOid().getId();
            putService(
                    new Service(
                            this,
                            "Signature",
                            signature,
                            GostSignatureSpi.class.getName(),
                            java.util.List.of("OID." + signature),
                            null) {
                        @Override
                        public Object newInstance(Object parameter) {
                            return new GostSignatureSpi(algorithm);
                        }
                    });
            String key = algorithm.keyOid().getId();
            putService(
                    new Service(
                            this,
                            "KeyFactory",
                            key,
                            GostKeyFactorySpi.class.getName(),
                            java.util.List.of("OID." + key),
                            null) {
                        @Override
                        public Object newInstance(Object parameter) {
                            return new GostKeyFactorySpi();
                        }
                    });
        }
    }

    /** Adds the provider to the JVM's list once; later calls do nothing. */
    public static void install() {
        synchronized (LOCK) {
            if (Security.getProvider(NAME) == null) {
                Security.addProvider(new GostProvider());
            }
        }
    }

    /** Signs and verifies one GOST algorithm; the signature value is in the national encoding. */
    static final class GostSignatureSpi extends SignatureSpi {
        private final GostAlgorithm algorithm;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private GostPublicKey publicKey;
        private GostPrivateKey privateKey;
        private SecureRandom random;

        GostSignatureSpi(GostAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            GostPublicKey gost;
            try {
                gost = GostKeys.publicKey(key);
            } catch (RuntimeException e) {
                throw new InvalidKeyException("not a national-CA GOST key: " + e.getMessage(), e);
            }
            if (gost.gostAlgorithm() != algorithm) {
                throw new InvalidKeyException(
                        gost.gostAlgorithm().label() + " key (expected: " + algorithm.label() + ")");
            }
            publicKey = gost;
            privateKey = null;
            buffer.reset();
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            engineInitSign(key, new SecureRandom());
        }

        @Override
        protected void engineInitSign(PrivateKey key, SecureRandom secureRandom) throws InvalidKeyException {
            if (!(key instanceof GostPrivateKey gost) || gost.gostAlgorithm() != algorithm) {
                throw new InvalidKeyException(key.getAlgorithm() + " key (expected: " + algorithm.label() + ")");
            }
            privateKey = gost;
            publicKey = null;
            random = secureRandom;
            buffer.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            buffer.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            if (privateKey == null) {
                throw new SignatureException("not initialised for signing");
            }
            byte[] data = buffer.toByteArray();
            buffer.reset();
            return GostSignatures.sign(privateKey, data, random);
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            if (publicKey == null) {
                throw new SignatureException("not initialised for verification");
            }
            byte[] data = buffer.toByteArray();
            buffer.reset();
            return GostSignatures.verify(publicKey, data, sigBytes);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("no parameters");
        }
    }

    /** Turns X.509 and PKCS#8 encodings into {@link GostPublicKey} and {@link GostPrivateKey}. */
    static final class GostKeyFactorySpi extends KeyFactorySpi {
        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            if (!(spec instanceof X509EncodedKeySpec x509)) {
                throw new InvalidKeySpecException("expected X509EncodedKeySpec");
            }
            try {
                return GostKeys.publicKey(SubjectPublicKeyInfo.getInstance(x509.getEncoded()));
            } catch (RuntimeException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            }
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            if (!(spec instanceof PKCS8EncodedKeySpec pkcs8)) {
                throw new InvalidKeySpecException("expected PKCS8EncodedKeySpec");
            }
            try {
                return GostKeys.privateKey(PrivateKeyInfo.getInstance(pkcs8.getEncoded()));
            } catch (RuntimeException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            }
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
            if (keySpec.isAssignableFrom(X509EncodedKeySpec.class) && key instanceof PublicKey) {
                return keySpec.cast(new X509EncodedKeySpec(key.getEncoded()));
            }
            if (keySpec.isAssignableFrom(PKCS8EncodedKeySpec.class) && key instanceof PrivateKey) {
                return keySpec.cast(new PKCS8EncodedKeySpec(key.getEncoded()));
            }
            throw new InvalidKeySpecException("unsupported " + keySpec.getSimpleName());
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            if (key instanceof GostPublicKey || key instanceof GostPrivateKey) {
                return key;
            }
            throw new InvalidKeyException("not a GOST key");
        }
    }
}
