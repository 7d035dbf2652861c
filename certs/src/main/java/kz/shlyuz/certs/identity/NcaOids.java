package kz.shlyuz.certs.identity;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Object identifiers of Kazakhstan's national CA (НУЦ РК). BouncyCastle knows none of them, so
 * every module that reads national certificates or signatures takes them from here.
 */
public final class NcaOids {
    private NcaOids() {}

    // --- Who the holder is: extended key usage -------------------------------------------------

    /** EKU: the holder is a private individual. */
    public static final ASN1ObjectIdentifier HOLDER_INDIVIDUAL = new ASN1ObjectIdentifier("1.2.398.3.3.4.1.1");
    /** EKU: the holder acts for a legal entity; a sub-role below refines it. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_ENTITY = new ASN1ObjectIdentifier("1.2.398.3.3.4.1.2");
    /** EKU: first head of the legal entity. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_FIRST_HEAD = HOLDER_LEGAL_ENTITY.branch("1");
    /** EKU: person with signing right. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_SIGNING_RIGHT = HOLDER_LEGAL_ENTITY.branch("2");
    /** EKU: person with the right of financial signature. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_FINANCIAL = HOLDER_LEGAL_ENTITY.branch("3");
    /** EKU: human-resources officer. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_HR = HOLDER_LEGAL_ENTITY.branch("4");
    /** EKU: employee. */
    public static final ASN1ObjectIdentifier HOLDER_LEGAL_EMPLOYEE = HOLDER_LEGAL_ENTITY.branch("5");

    // --- Certificate policies (older certificates carry these instead of, or besides, the EKU) --

    /** Policy: legal-entity signing certificate. */
    public static final ASN1ObjectIdentifier POLICY_LEGAL_SIGNING = new ASN1ObjectIdentifier("1.2.398.3.3.2.1");
    /** Policy: legal-entity authentication certificate. */
    public static final ASN1ObjectIdentifier POLICY_LEGAL_AUTH = new ASN1ObjectIdentifier("1.2.398.3.3.2.2");
    /** Policy: individual signing certificate. */
    public static final ASN1ObjectIdentifier POLICY_INDIVIDUAL_SIGNING = new ASN1ObjectIdentifier("1.2.398.3.3.2.3");
    /** Policy: individual authentication certificate. */
    public static final ASN1ObjectIdentifier POLICY_INDIVIDUAL_AUTH = new ASN1ObjectIdentifier("1.2.398.3.3.2.4");

    // --- Time-stamp policies of the national TSA ------------------------------------------------

    /** TSA policy for GOST 34.310-2004 time stamps. */
    public static final ASN1ObjectIdentifier TSA_POLICY_GOST2004 = new ASN1ObjectIdentifier("1.2.398.3.3.2.6.1");
    /** TSA policy for RSA-SHA256 time stamps. */
    public static final ASN1ObjectIdentifier TSA_POLICY_RSA_SHA256 = new ASN1ObjectIdentifier("1.2.398.3.3.2.6.2");
    /** TSA policy for GOST 34.10-2015 (512) time stamps. */
    public static final ASN1ObjectIdentifier TSA_POLICY_GOST2015_512 = new ASN1ObjectIdentifier("1.2.398.3.3.2.6.4");
    /** Unsigned CMS attribute that carries a time-stamp token (RFC 3161 appendix A). */
    public static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP_TOKEN =
            new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.14");

    // --- GOST 34.310-2004 (Kazakh encoding: little-endian key and signature values) -------------

    /** Public key algorithm GOST 34.310-2004. */
    public static final ASN1ObjectIdentifier GOST2004_KEY = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.1.1");
    /** Signature algorithm GOST 34.310-2004 with GOST 34.311-95 hash. */
    public static final ASN1ObjectIdentifier GOST2004_SIGNATURE = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.1.2");
    /** Digest GOST 34.311-95 (GOST R 34.11-94 with the "D-TEST" S-box). */
    public static final ASN1ObjectIdentifier GOST2004_DIGEST = new ASN1ObjectIdentifier("1.2.398.3.10.1.3.1");

    // --- GOST 34.10-2015 ------------------------------------------------------------------------

    /** Public key algorithm GOST 34.10-2015, 512-bit (TC26 512 paramSetA). */
    public static final ASN1ObjectIdentifier GOST2015_512_KEY = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.2");
    /** Signature algorithm GOST 34.10-2015, 256-bit, with Streebog-256 (TC26 256 paramSetA). */
    public static final ASN1ObjectIdentifier GOST2015_256_SIGNATURE =
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.3.1");
    /** Signature algorithm GOST 34.10-2015, 512-bit, with Streebog-512. */
    public static final ASN1ObjectIdentifier GOST2015_512_SIGNATURE =
            new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.3.2");
    /** Digest Streebog-512 (GOST 34.11-2015). */
    public static final ASN1ObjectIdentifier STREEBOG_512_DIGEST = new ASN1ObjectIdentifier("1.2.398.3.10.1.3.3");
}
