package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the dev PKI's files. Private keys and PKCS#12 files are created owner-only (0600) where
 * the file system has POSIX permissions, so the key is never readable by others even briefly.
 */
final class PkiFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PkiFiles() {}

    static void writePublic(Path file, String text) {
        writePublic(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writePublic(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void writeSecret(Path file, String text) {
        writeSecret(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeSecret(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            // Re-create rather than overwrite: an existing file may have wider permissions.
            Files.deleteIfExists(file);
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes beside the target and moves it in place, so readers never see half a file. */
    static void writeAtomically(Path file, String text) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        writePublic(temporary, text);
        try {
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
