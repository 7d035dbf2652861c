package kz.shlyuz.certs.gost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * A national-CA GOST private key. Encoded as PKCS#8 with the Kazakh key AlgorithmIdentifier and
 * the scalar as an INTEGER, as Kalkan writes GOST 34.310-2004 keys.
 */
public final class GostPrivateKey implements PrivateKey {
    private static final long serialVersionUID = 1L;

    private final GostAlgorithm algorithm;
    private final BigInteger scalar;

    GostPrivateKey(GostAlgorithm algorithm, BigInteger scalar) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.scalar = Objects.requireNonNull(scalar, "scalar");
        if (scalar.signum() <= 0 || scalar.compareTo(algorithm.domain().getN()) >= 0) {
            throw new IllegalArgumentException(
                    "scalar: out of range for " + algorithm.label() + " (expected: 0 < d < n)");
        }
    }

    public GostAlgorithm gostAlgorithm() {
        return algorithm;
    }

    ECPrivateKeyParameters parameters() {
        return new ECPrivateKeyParameters(scalar, algorithm.domain());
    }

    /** The matching public key. */
    public GostPublicKey publicKey() {
        return GostKeys.publicKey(
                algorithm, algorithm.domain().getG().multiply(scalar).normalize());
    }

    @Override
    public String getAlgorithm() {
        return algorithm.keyOid().getId();
    }

    @Override
    public String getFormat() {
        return "PKCS#8";
    }

    @Override
    public byte[] getEncoded() {
        try {
            return new PrivateKeyInfo(algorithm.keyAlgorithmIdentifier(), new ASN1Integer(scalar)).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        // Never the scalar.
        return "GostPrivateKey[" + algorithm.label() + "]";
    }
}
