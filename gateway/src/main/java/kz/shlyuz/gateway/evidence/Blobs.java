package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/**
 * Moves between the byte arrays that JDBC, ciphers and archive streams speak and the immutable
 * {@link ByteString}s that records hold (a record over an array would compare by identity and
 * could be changed behind it). Stored columns may be null: both ways keep null.
 */
final class Blobs {
    private Blobs() {}

    /** Wraps an array that nobody changes afterwards (a fresh column read, a cipher's output). */
    static ByteString wrap(byte[] handedOver) {
        return handedOver == null ? null : UnsafeByteOperations.unsafeWrap(handedOver);
    }

    /** A copy of the bytes, for an API that takes an array; null for null. */
    static byte[] array(ByteString bytes) {
        return bytes == null ? null : bytes.toByteArray();
    }
}
