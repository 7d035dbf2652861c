package kz.shlyuz.gateway.signature;

import com.google.protobuf.ByteString;
import java.security.cert.X509CRL;

/**
 * What a signer's revocation status was judged from, kept so that the judgement can be repeated
 * later without asking anyone: the OCSP response as received, or the CRL that answered.
 *
 * @param ocspResponse the DER OCSPResponse, or null
 * @param crl the CRL, or null
 */
public record RevocationEvidence(ByteString ocspResponse, X509CRL crl) {
    /** No evidence: neither OCSP nor a CRL answered, and the policy accepted it. */
    public static final RevocationEvidence NONE = new RevocationEvidence(null, null);

    public boolean isEmpty() {
        return ocspResponse == null && crl == null;
    }
}
