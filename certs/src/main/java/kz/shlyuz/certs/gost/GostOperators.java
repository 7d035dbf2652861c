package kz.shlyuz.certs.gost;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * BouncyCastle operators (content signer, content verifier, digest calculator) for the Kazakh
 * GOST OIDs, so that BouncyCastle's certificate, CRL and CMS builders and parsers can work with
 * them. Digests other than GOST fall through to BouncyCastle's JCA ones.
 */
public final class GostOperators {
    private GostOperators() {}

    /** Signs with {@code key} under the Kazakh signature OID (NULL parameters). */
    public static ContentSigner contentSigner(GostPrivateKey key, SecureRandom random) {
        return new ContentSigner() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return key.gostAlgorithm().signatureAlgorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] data = buffer.toByteArray();
                buffer.reset();
                return GostSignatures.sign(key, data, random);
            }
        };
    }

    /** A verifier for signatures made by the key of {@code certificate}. */
    public static ContentVerifierProvider contentVerifierProvider(X509CertificateHolder certificate) {
        GostPublicKey key = GostKeys.publicKey(certificate.getSubjectPublicKeyInfo());
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return true;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return certificate;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                return contentVerifier(key, algorithm);
            }
        };
    }

    /** A verifier of {@code algorithm} signatures by {@code key}; refuses an algorithm that is not the key's. */
    public static ContentVerifier contentVerifier(GostPublicKey key, AlgorithmIdentifier algorithm)
            throws OperatorCreationException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        GostAlgorithm gost = GostAlgorithm.ofSignature(oid)
                .or(() -> GostAlgorithm.ofKey(oid))
                .orElseThrow(() -> new OperatorCreationException("signature " + oid + " (expected: GOST)"));
        if (gost != key.gostAlgorithm()) {
            throw new OperatorCreationException("signature " + gost.label() + " with a "
                    + key.gostAlgorithm().label() + " key");
        }
        return new ContentVerifier() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public boolean verify(byte[] signature) {
                byte[] data = buffer.toByteArray();
                buffer.reset();
                return GostSignatures.verify(key, data, signature);
            }
        };
    }

    /** Digest calculators for the Kazakh GOST digests, and BouncyCastle's JCA ones for the rest. */
    public static DigestCalculatorProvider digestCalculatorProvider() {
        DigestCalculatorProvider fallback;
        try {
            fallback = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        return algorithm -> {
            var gost = GostAlgorithm.ofDigest(algorithm.getAlgorithm());
            if (gost.isEmpty()) {
                return fallback.get(algorithm);
            }
            Digest digest = gost.get().newDigest();
            return new DigestCalculator() {
                private final OutputStream stream = new OutputStream() {
                    @Override
                    public void write(int b) {
                        digest.update((byte) b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        digest.update(b, off, len);
                    }
                };

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return stream;
                }

                @Override
                public byte[] getDigest() {
                    byte[] out = new byte[digest.getDigestSize()];
                    digest.doFinal(out, 0);
                    return out;
                }
            };
        };
    }
}
