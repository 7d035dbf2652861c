package kz.shlyuz.certs.gost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * A national-CA GOST public key: what the JDK's certificate factory returns for a Kazakh GOST
 * certificate once {@link GostProvider} is installed, and what BouncyCastle's lightweight
 * verifiers need.
 */
public final class GostPublicKey implements PublicKey {
    private static final long serialVersionUID = 1L;

    private final GostAlgorithm algorithm;
    private final transient ECPublicKeyParameters parameters;
    private final byte[] encoded;

    GostPublicKey(GostAlgorithm algorithm, ECPublicKeyParameters parameters, SubjectPublicKeyInfo info) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        try {
            this.encoded = info.getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which GOST algorithm this key is for. */
    public GostAlgorithm gostAlgorithm() {
        return algorithm;
    }

    /** The point on the curve, for BouncyCastle's lightweight signers. */
    public ECPublicKeyParameters parameters() {
        return parameters;
    }

    /** The key OID: the JDK names keys of unknown algorithms by their OID too. */
    @Override
    public String getAlgorithm() {
        return algorithm.keyOid().getId();
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GostPublicKey other && java.util.Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "GostPublicKey[" + algorithm.label() + "]";
    }
}
