package kz.shlyuz.adapters.address;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Certificate numbers derived from the request id, so that a retried request gets the same
 * number even after the adapter restarted and forgot its earlier answer.
 */
final class CertificateNumbers {

    private CertificateNumbers() {}

    /** {@code AC-} and twelve hex digits of SHA-256 over the register and the request id. */
    static String of(String register, String requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((register + ":" + requestId).getBytes(StandardCharsets.UTF_8));
            return "AC-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
