package kz.shlyuz.certs.gost;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reading, writing and generating GOST keys in the national encoding. A public key is a
 * BIT STRING holding an OCTET STRING of x then y, each little-endian; a private key is PKCS#8
 * with the scalar as an INTEGER (GOST 2004, and our own keys) or as a little-endian OCTET STRING
 * (Kalkan's GOST 2015 keys).
 */
public final class GostKeys {
    private GostKeys() {}

    /** True when {@code info} is a Kazakh GOST key. */
    public static boolean isGost(SubjectPublicKeyInfo info) {
        return GostAlgorithm.ofKey(info.getAlgorithm().getAlgorithm()).isPresent();
    }

    /** Decodes a Kazakh GOST SubjectPublicKeyInfo; throws IllegalArgumentException naming the defect. */
    public static GostPublicKey publicKey(SubjectPublicKeyInfo info) {
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        GostAlgorithm algorithm = GostAlgorithm.ofKey(oid)
                .orElseThrow(() ->
                        new IllegalArgumentException("key algorithm " + oid + " (expected: a national-CA GOST key)"));
        byte[] raw;
        try {
            raw = ASN1OctetString.getInstance(info.getPublicKeyData().getOctets())
                    .getOctets();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("GOST public key: not an OCTET STRING (" + e.getMessage() + ")", e);
        }
        int n = algorithm.fieldBytes();
        if (raw.length != 2 * n) {
            throw new IllegalArgumentException("GOST public key: " + raw.length + " bytes (expected: " + 2 * n + ")");
        }
        BigInteger x = new BigInteger(1, reverse(Arrays.copyOfRange(raw, 0, n)));
        BigInteger y = new BigInteger(1, reverse(Arrays.copyOfRange(raw, n, 2 * n)));
        ECPoint point;
        try {
            point = algorithm.domain().getCurve().validatePoint(x, y);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "GOST public key: not a point of the " + algorithm.label() + " curve", e);
        }
        return new GostPublicKey(algorithm, new ECPublicKeyParameters(point, algorithm.domain()), info);
    }

    /** Decodes any JCA public key whose encoding is a Kazakh GOST SubjectPublicKeyInfo. */
    public static GostPublicKey publicKey(PublicKey key) {
        if (key instanceof GostPublicKey gost) {
            return gost;
        }
        return publicKey(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /** The public key for {@code point}, in the national encoding. */
    static GostPublicKey publicKey(GostAlgorithm algorithm, ECPoint point) {
        ECPoint normal = point.normalize();
        int n = algorithm.fieldBytes();
        byte[] raw = new byte[2 * n];
        System.arraycopy(littleEndian(normal.getAffineXCoord().toBigInteger(), n), 0, raw, 0, n);
        System.arraycopy(littleEndian(normal.getAffineYCoord().toBigInteger(), n), 0, raw, n, n);
        try {
            SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(
                    algorithm.keyAlgorithmIdentifier(), new DEROctetString(raw).getEncoded("DER"));
            return new GostPublicKey(algorithm, new ECPublicKeyParameters(normal, algorithm.domain()), info);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes a PKCS#8 GOST private key (INTEGER scalar, or little-endian OCTET STRING). */
    public static GostPrivateKey privateKey(PrivateKeyInfo info) {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        GostAlgorithm algorithm = GostAlgorithm.ofKey(oid)
                .orElseThrow(() ->
                        new IllegalArgumentException("key algorithm " + oid + " (expected: a national-CA GOST key)"));
        ASN1Encodable value;
        try {
            value = info.parsePrivateKey();
        } catch (IOException e) {
            throw new IllegalArgumentException("GOST private key: cannot be parsed", e);
        }
        ASN1Primitive primitive = value.toASN1Primitive();
        if (primitive instanceof ASN1Integer integer) {
            return new GostPrivateKey(algorithm, integer.getPositiveValue());
        }
        if (primitive instanceof ASN1OctetString octets) {
            return new GostPrivateKey(algorithm, new BigInteger(1, reverse(octets.getOctets())));
        }
        throw new IllegalArgumentException(
                "GOST private key: " + primitive.getClass().getSimpleName() + " (expected: INTEGER or OCTET STRING)");
    }

    /** A fresh key pair for {@code algorithm}. */
    public static KeyPair generate(GostAlgorithm algorithm, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(algorithm.domain(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters secret = (ECPrivateKeyParameters) pair.getPrivate();
        ECPublicKeyParameters open = (ECPublicKeyParameters) pair.getPublic();
        return new KeyPair(publicKey(algorithm, open.getQ()), new GostPrivateKey(algorithm, secret.getD()));
    }

    static byte[] littleEndian(BigInteger value, int length) {
        byte[] big = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(big.length, length);
        System.arraycopy(big, big.length - copy, fixed, length - copy, copy);
        return reverse(fixed);
    }

    static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
