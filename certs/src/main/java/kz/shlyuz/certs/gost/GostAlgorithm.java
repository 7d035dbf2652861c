package kz.shlyuz.certs.gost;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import kz.shlyuz.certs.identity.NcaOids;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cryptopro.CryptoProObjectIdentifiers;
import org.bouncycastle.asn1.cryptopro.ECGOST3410NamedCurves;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.GOST3411Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_512Digest;
import org.bouncycastle.crypto.engines.GOST28147Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The national CA's GOST algorithms: which Kazakh OIDs name them, which curve and hash they use
 * and how long their values are.
 *
 * <p>The 2004 and 2015-512 OIDs are those of the national CA's published certificates and of
 * Kalkan's signatures. For 2015-256 only the signature OID is published
 * ({@code 1.2.398.3.10.1.1.2.3.1}); its key ({@code 1.2.398.3.10.1.1.2.1}) and digest
 * ({@code 1.2.398.3.10.1.3.2}) OIDs follow the numbering of the 512-bit branch.
 */
public enum GostAlgorithm {
    /** GOST 34.310-2004: CryptoPro-A curve, GOST R 34.11-94 with the D-TEST S-box. */
    GOST2004(
            "GOST2004",
            NcaOids.GOST2004_KEY,
            NcaOids.GOST2004_SIGNATURE,
            NcaOids.GOST2004_DIGEST,
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.1.1.1"),
            new ASN1ObjectIdentifier("1.2.398.3.10.1.3.1.1.0"),
            CryptoProObjectIdentifiers.gostR3410_2001_CryptoPro_A,
            32,
            () -> new GOST3411Digest(GOST28147Engine.getSBox("D-TEST")),
            "GOST3411-94"),
    /** GOST 34.10-2015 with a 256-bit key: TC26 256 paramSetA, Streebog-256. */
    GOST2015_256(
            "GOST2015-256",
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.1"),
            NcaOids.GOST2015_256_SIGNATURE,
            new ASN1ObjectIdentifier("1.2.398.3.10.1.3.2"),
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.1.1"),
            new ASN1ObjectIdentifier("1.2.398.3.10.1.3.2"),
            RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256_paramSetA,
            32,
            GOST3411_2012_256Digest::new,
            "Streebog-256"),
    /** GOST 34.10-2015 with a 512-bit key: TC26 512 paramSetA, Streebog-512. */
    GOST2015_512(
            "GOST2015-512",
            NcaOids.GOST2015_512_KEY,
            NcaOids.GOST2015_512_SIGNATURE,
            NcaOids.STREEBOG_512_DIGEST,
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.2.1"),
            NcaOids.STREEBOG_512_DIGEST,
            RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512_paramSetA,
            64,
            GOST3411_2012_512Digest::new,
            "Streebog-512");

    private final String label;
    private final ASN1ObjectIdentifier keyOid;
    private final ASN1ObjectIdentifier signatureOid;
    private final ASN1ObjectIdentifier digestOid;
    private final ASN1ObjectIdentifier keyParameterSet;
    private final ASN1ObjectIdentifier digestParameterSet;
    private final ECDomainParameters domain;
    private final int fieldBytes;
    private final Supplier<Digest> digest;
    private final String digestName;

    GostAlgorithm(
            String label,
            ASN1ObjectIdentifier keyOid,
            ASN1ObjectIdentifier signatureOid,
            ASN1ObjectIdentifier digestOid,
            ASN1ObjectIdentifier keyParameterSet,
            ASN1ObjectIdentifier digestParameterSet,
            ASN1ObjectIdentifier curve,
            int fieldBytes,
            Supplier<Digest> digest,
            String digestName) {
        this.label = label;
        this.keyOid = keyOid;
        this.signatureOid = signatureOid;
        this.digestOid = digestOid;
        this.keyParameterSet = keyParameterSet;
        this.digestParameterSet = digestParameterSet;
        this.domain = new ECDomainParameters(ECGOST3410NamedCurves.getByOIDX9(curve));
        this.fieldBytes = fieldBytes;
        this.digest = digest;
        this.digestName = digestName;
    }

    /** The name used in the dev PKI's index.json and in messages: {@code GOST2004}, {@code GOST2015-512}. */
    public String label() {
        return label;
    }

    public ASN1ObjectIdentifier keyOid() {
        return keyOid;
    }

    public ASN1ObjectIdentifier signatureOid() {
        return signatureOid;
    }

    public ASN1ObjectIdentifier digestOid() {
        return digestOid;
    }

    /** Name of the hash, for messages. */
    public String digestName() {
        return digestName;
    }

    /** Curve parameters. */
    public ECDomainParameters domain() {
        return domain;
    }

    /** Length of one coordinate, and of each half of a signature, in bytes. */
    public int fieldBytes() {
        return fieldBytes;
    }

    /** A fresh digest (not thread-safe, so one per use). */
    public Digest newDigest() {
        return digest.get();
    }

    /** The key's AlgorithmIdentifier as the national CA writes it: key OID, then (curve set, hash set). */
    public AlgorithmIdentifier keyAlgorithmIdentifier() {
        return new AlgorithmIdentifier(
                keyOid, new DERSequence(new ASN1ObjectIdentifier[] {keyParameterSet, digestParameterSet}));
    }

    /** The signature AlgorithmIdentifier with NULL parameters, as in the national CA's certificates. */
    public AlgorithmIdentifier signatureAlgorithmIdentifier() {
        return new AlgorithmIdentifier(signatureOid, DERNull.INSTANCE);
    }

    /** The digest AlgorithmIdentifier with NULL parameters, as Kalkan writes it in SignerInfos. */
    public AlgorithmIdentifier digestAlgorithmIdentifier() {
        return new AlgorithmIdentifier(digestOid, DERNull.INSTANCE);
    }

    /** The algorithm whose public key OID is {@code oid}. */
    public static Optional<GostAlgorithm> ofKey(ASN1ObjectIdentifier oid) {
        for (GostAlgorithm a : values()) {
            if (a.keyOid.equals(oid)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose signature OID is {@code oid}. */
    public static Optional<GostAlgorithm> ofSignature(ASN1ObjectIdentifier oid) {
        for (GostAlgorithm a : values()) {
            if (a.signatureOid.equals(oid)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose digest OID is {@code oid}. */
    public static Optional<GostAlgorithm> ofDigest(ASN1ObjectIdentifier oid) {
        for (GostAlgorithm a : values()) {
            if (a.digestOid.equals(oid)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm labelled {@code label} (case-insensitive), e.g. {@code GOST2015-512}. */
    public static Optional<GostAlgorithm> ofLabel(String label) {
        for (GostAlgorithm a : values()) {
            if (a.label.equalsIgnoreCase(label) || a.name().equalsIgnoreCase(label.replace('-', '_'))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** True when {@code oid} is a Kazakh GOST key, signature or digest OID. */
    public static boolean isGost(String oid) {
        ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
        return ofKey(id).isPresent()
                || ofSignature(id).isPresent()
                || ofDigest(id).isPresent();
    }

    @Override
    public String toString() {
        return label.toUpperCase(Locale.ROOT);
    }
}
