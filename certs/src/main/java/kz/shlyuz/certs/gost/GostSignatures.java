package kz.shlyuz.certs.gost;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.DSAExt;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410Signer;
import org.bouncycastle.crypto.signers.ECGOST3410_2012Signer;

/**
 * GOST signature values in the national (Kalkan) encoding: r then s, each little-endian and
 * {@link GostAlgorithm#fieldBytes()} long. That is BouncyCastle's big-endian s‖r with all bytes
 * reversed. The hash goes to BouncyCastle's signer as the digest outputs it: the signer itself
 * reads it little-endian, as the standard says.
 */
public final class GostSignatures {
    private GostSignatures() {}

    /** The hash of {@code data} with the algorithm's digest. */
    public static byte[] digest(GostAlgorithm algorithm, byte[] data) {
        Digest digest = algorithm.newDigest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Signs {@code data} (hashing it first). */
    public static byte[] sign(GostPrivateKey key, byte[] data, SecureRandom random) {
        return signHash(key, digest(key.gostAlgorithm(), data), random);
    }

    /** Signs a hash made with the key's digest. */
    public static byte[] signHash(GostPrivateKey key, byte[] hash, SecureRandom random) {
        GostAlgorithm algorithm = key.gostAlgorithm();
        DSAExt signer = signer(algorithm);
        signer.init(true, new ParametersWithRandom(key.parameters(), random));
        BigInteger[] rs = signer.generateSignature(hash);
        int n = algorithm.fieldBytes();
        byte[] value = new byte[2 * n];
        System.arraycopy(GostKeys.littleEndian(rs[0], n), 0, value, 0, n);
        System.arraycopy(GostKeys.littleEndian(rs[1], n), 0, value, n, n);
        return value;
    }

    /** True when {@code signature} is {@code key}'s signature over {@code data}. */
    public static boolean verify(GostPublicKey key, byte[] data, byte[] signature) {
        return verifyHash(key, digest(key.gostAlgorithm(), data), signature);
    }

    /** True when {@code signature} is {@code key}'s signature over a hash made with its digest. */
    public static boolean verifyHash(GostPublicKey key, byte[] hash, byte[] signature) {
        GostAlgorithm algorithm = key.gostAlgorithm();
        int n = algorithm.fieldBytes();
        if (signature == null || signature.length != 2 * n) {
            return false;
        }
        BigInteger r = new BigInteger(1, GostKeys.reverse(Arrays.copyOfRange(signature, 0, n)));
        BigInteger s = new BigInteger(1, GostKeys.reverse(Arrays.copyOfRange(signature, n, 2 * n)));
        DSAExt signer = signer(algorithm);
        signer.init(false, key.parameters());
        return signer.verifySignature(hash, r, s);
    }

    private static DSAExt signer(GostAlgorithm algorithm) {
        return algorithm == GostAlgorithm.GOST2004 ? new ECGOST3410Signer() : new ECGOST3410_2012Signer();
    }
}
