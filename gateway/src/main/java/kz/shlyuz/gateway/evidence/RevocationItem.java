package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.security.cert.X509CRL;

/**
 * The revocation evidence of one verified signer.
 *
 * @param part {@code request} or {@code answer}: whose signer it was
 * @param serialHex the signer certificate's serial number, hexadecimal
 * @param ocspResponse the DER OCSPResponse, or null
 * @param crl the CRL that answered, or null (stored once per issuer and number)
 */
public record RevocationItem(String part, String serialHex, ByteString ocspResponse, X509CRL crl) {}
