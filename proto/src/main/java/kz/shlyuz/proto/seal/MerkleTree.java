package kz.shlyuz.proto.seal;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SHA-256 Merkle tree over a batch of leaves, with RFC 9162's domain separation: a leaf hashes
 * as {@code SHA-256(0x00 || salt || data)}, an inner node as {@code SHA-256(0x01 || left || right)}.
 * A level with an odd number of nodes passes its last node up unchanged, so every path is at most
 * {@code ceil(log2(n))} steps.
 */
public final class MerkleTree {
    /** The hash every leaf and node uses, as named in the signed manifest. */
    public static final String HASH_ALGORITHM = "SHA-256";

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** One step of an inclusion proof: the sibling's hash and which side it is on. */
    public record Step(ByteString sibling, boolean siblingOnLeft) {}

    private final List<byte[][]> levels;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** Builds the tree over leaf hashes (from {@link #leafHash}), at least one. */
    public static MerkleTree over(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(new byte[0][]);
        levels.add(level);
        MessageDigest sha256 = sha256();
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                int left = 2 * i;
                up[i] = left + 1 < level.length ? node(sha256, level[left], level[left + 1]) : level[left];
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    public int leafCount() {
        return levels.get(0).length;
    }

    /** The inclusion proof of leaf {@code index}, from the leaf upwards. */
    public List<Step> path(int index) {
        if (index < 0 || index >= leafCount()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<Step> steps = new ArrayList<>();
        int i = index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            byte[][] level = levels.get(depth);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                steps.add(new Step(ByteString.copyFrom(level[sibling]), sibling < i));
            }
            i /= 2;
        }
        return steps;
    }

    /** {@code SHA-256(0x00 || salt || data)}. */
    public static byte[] leafHash(byte[] salt, byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF);
        sha256.update(salt);
        sha256.update(data);
        return sha256.digest();
    }

    /** Folds a proof from a leaf hash up to the root it leads to. */
    public static byte[] rootOf(byte[] leafHash, List<Step> path) {
        MessageDigest sha256 = sha256();
        byte[] hash = leafHash;
        for (Step step : path) {
            byte[] sibling = step.sibling().toByteArray();
            hash = step.siblingOnLeft() ? node(sha256, sibling, hash) : node(sha256, hash, sibling);
        }
        return hash;
    }

    private static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(HASH_ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
