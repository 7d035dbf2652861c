package kz.shlyuz.certs.cms;

/**
 * Gets an RFC 3161 time-stamp token over a SignerInfo's signature value, to travel as its
 * unsigned attribute signatureTimeStampToken (1.2.840.113549.1.9.16.2.14).
 */
@FunctionalInterface
public interface TimeStamper {
    /** The DER TimeStampToken (a CMS ContentInfo) whose message imprint is a hash of {@code signatureValue}. */
    byte[] timeStampToken(byte[] signatureValue);
}
