package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers of the chain. */
public final class Digests {
    /** The previous digest of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private Digests() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-256 of {@code data}, or null for null. */
    public static String hex(byte[] data) {
        return data == null ? null : HexFormat.of().formatHex(sha256().digest(data));
    }

    /** Hex SHA-256 of {@code data}, or null for null (without copying the bytes). */
    public static String hex(ByteString data) {
        if (data == null) {
            return null;
        }
        MessageDigest md = sha256();
        md.update(data.asReadOnlyByteBuffer());
        return HexFormat.of().formatHex(md.digest());
    }

    /** The chain step: SHA-256(previous digest || content hash), hex. */
    public static String link(String prevDigest, byte[] contentHash) {
        MessageDigest md = sha256();
        md.update(HexFormat.of().parseHex(prevDigest));
        md.update(contentHash);
        return HexFormat.of().formatHex(md.digest());
    }
}
