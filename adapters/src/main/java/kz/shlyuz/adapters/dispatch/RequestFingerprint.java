package kz.shlyuz.adapters.dispatch;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import kz.shlyuz.proto.v1.AgencyRequest;

/**
 * What makes two requests with the same id the same request: service, operation and body
 * (its type and bytes). A retry by the gateway resends the same bytes, so comparing bytes is
 * exact; the send time and the original signed request may differ between retries and are left
 * out.
 *
 * @param sha256 SHA-256 over the length-prefixed parts
 */
record RequestFingerprint(ByteString sha256) {

    RequestFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    static RequestFingerprint of(AgencyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length prefixes keep ("AB", "C") and ("A", "BC") apart.
            update(digest, request.getServiceId().getBytes(StandardCharsets.UTF_8));
            update(digest, request.getOperation().getBytes(StandardCharsets.UTF_8));
            update(digest, request.getBody().getTypeUrl().getBytes(StandardCharsets.UTF_8));
            update(digest, request.getBody().getValue().toByteArray());
            return new RequestFingerprint(ByteString.copyFrom(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void update(MessageDigest digest, byte[] part) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
        digest.update(part);
    }
}
