package kz.shlyuz.gateway.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostPublicKey;
import kz.shlyuz.certs.gost.GostSignatures;
import org.bouncycastle.crypto.Digest;

/**
 * The digest and signature arithmetic of an accepted signer, with engines kept per thread instead
 * of looked up through the JCA provider list on every signature. RSA uses the JDK's SunRsaSign
 * (measured faster than BouncyCastle's provider for RSA-2048 verification on this JDK; see
 * docs/BENCHMARKS-HISTORY.md, "CMS verification, session 2"), SHA-256 the JDK's SUN; GOST uses our provider's arithmetic
 * ({@link GostSignatures}).
 */
final class SignatureMath {
    private static final Provider RSA_PROVIDER = rsaProvider();
    private static final ThreadLocal<Signature> SHA256_WITH_RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA", RSA_PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA256withRSA", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256", e);
        }
    });

    private SignatureMath() {}

    private static Provider rsaProvider() {
        Provider jdk = Security.getProvider("SunRsaSign");
        return jdk != null ? jdk : new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    /** SHA-256 of {@code content}. */
    static byte[] sha256(byte[] content) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(content);
    }

    /** The GOST digest of {@code content} for {@code algorithm}. */
    static byte[] gostDigest(GostAlgorithm algorithm, byte[] content) {
        Digest digest = algorithm.newDigest();
        digest.update(content, 0, content.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Whether {@code signature} is a SHA256withRSA (PKCS #1 v1.5) signature of {@code data} by {@code key}. */
    static boolean rsaSha256(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature rsa = SHA256_WITH_RSA.get();
        try {
            rsa.initVerify(key);
            rsa.update(data);
            return rsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A failed verification may leave the engine mid-operation: start the next one afresh.
            SHA256_WITH_RSA.remove();
            throw e;
        }
    }

    /** Whether {@code signature} is a GOST signature of {@code data} by {@code key}. */
    static boolean gost(GostPublicKey key, byte[] data, byte[] signature) {
        return GostSignatures.verify(key, data, signature);
    }
}
