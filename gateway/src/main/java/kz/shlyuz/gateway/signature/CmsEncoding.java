package kz.shlyuz.gateway.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * A CMS as a person hands it over: DER, or base64 text (what NCALayer's {@code createCMSSignatureFromBase64}
 * returns and Kalkan writes to files), with or without PEM armour and line breaks.
 */
public final class CmsEncoding {
    private static final int DER_SEQUENCE = 0x30;

    private CmsEncoding() {}

    /** The DER bytes of {@code signature}, decoding base64 text when it is not DER already. */
    public static byte[] der(byte[] signature) {
        if (signature.length > 0 && (signature[0] & 0xff) == DER_SEQUENCE) {
            return signature;
        }
        String text = new String(signature, StandardCharsets.US_ASCII).trim();
        StringBuilder body = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            if (!line.startsWith("-----")) {
                body.append(line.trim());
            }
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(body.toString());
            if (decoded.length == 0 || (decoded[0] & 0xff) != DER_SEQUENCE) {
                throw new IllegalArgumentException("not a DER SEQUENCE once decoded");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "neither DER nor base64 of a DER CMS", e);
        }
    }
}
