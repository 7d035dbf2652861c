package kz.shlyuz.proto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final byte[] SALT = new byte[16];

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(SALT, ("answer " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void everyLeafOfEveryTreeSizeProvesItsWayToTheRoot() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = leaves(n);
            MerkleTree tree = MerkleTree.over(leaves);
            int maxSteps = 32 - Integer.numberOfLeadingZeros(n - 1);
            for (int i = 0; i < n; i++) {
                List<MerkleTree.Step> path = tree.path(i);
                assertTrue(path.size() <= maxSteps, "path of " + i + " in " + n + " has " + path.size() + " steps");
                assertArrayEquals(tree.root(), MerkleTree.rootOf(leaves.get(i), path), "leaf " + i + " of " + n);
            }
        }
    }

    @Test
    void aBatchOfOneIsItsOwnRootWithAnEmptyPath() {
        byte[] leaf = leaves(1).get(0);
        MerkleTree tree = MerkleTree.over(List.of(leaf));
        assertTrue(tree.path(0).isEmpty());
        assertArrayEquals(leaf, tree.root());
    }

    @Test
    void anotherAnswerOrAnotherSaltDoesNotLeadToTheRoot() {
        List<byte[]> leaves = leaves(9);
        MerkleTree tree = MerkleTree.over(leaves);
        List<MerkleTree.Step> path = tree.path(4);
        byte[] forged = MerkleTree.leafHash(SALT, "answer 4 ".getBytes(StandardCharsets.UTF_8));
        assertFalse(MessageDigest.isEqual(tree.root(), MerkleTree.rootOf(forged, path)));
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;
        byte[] resalted = MerkleTree.leafHash(otherSalt, "answer 4".getBytes(StandardCharsets.UTF_8));
        assertFalse(MessageDigest.isEqual(tree.root(), MerkleTree.rootOf(resalted, path)));
        // Another leaf's proof does not fit this leaf either.
        assertFalse(MessageDigest.isEqual(tree.root(), MerkleTree.rootOf(leaves.get(4), tree.path(5))));
    }

    @Test
    void anInnerNodeCannotPassForALeaf() {
        List<byte[]> leaves = leaves(4);
        MerkleTree tree = MerkleTree.over(leaves);
        // The parent of leaves 0 and 1, offered as if it were a leaf with the upper half of the path.
        byte[] parent = MerkleTree.rootOf(leaves.get(0), tree.path(0).subList(0, 1));
        List<MerkleTree.Step> upper = tree.path(0).subList(1, 2);
        assertArrayEquals(tree.root(), MerkleTree.rootOf(parent, upper));
        // ...but no content hashes to it as a leaf: leaves carry the 0x00 prefix, nodes 0x01.
        assertFalse(MessageDigest.isEqual(parent, MerkleTree.leafHash(SALT, concat(leaves.get(0), leaves.get(1)))));
    }

    @Test
    void anEmptyBatchOrAnIndexOutsideItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.over(List.of()));
        MerkleTree tree = MerkleTree.over(leaves(3));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.path(3));
        assertEquals(3, tree.leafCount());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
