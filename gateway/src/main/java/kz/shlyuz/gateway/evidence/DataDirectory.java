package kz.shlyuz.gateway.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data directory readable by the service account only: the directory and every folder
 * in it 0700, every file 0600 (the journal holds IINs, names and addresses). Applied before the
 * database opens (so its files are created inside a closed folder) and again after (fixing files
 * an older version left world-readable). On a file system without POSIX permissions it says so.
 */
public final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /** Creates {@code dataDir} if absent and closes it and the embedded database's folder to others. */
    public static void secure(Path dataDir, String jdbcUrl) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            log.warn(
                    "{}: the file system has no POSIX permissions; restrict access to the service account by its own means",
                    dataDir);
            return;
        }
        try {
            Files.createDirectories(dataDir);
            closeTree(dataDir);
            Path h2 = embeddedH2Dir(jdbcUrl);
            if (h2 != null
                    && Files.isDirectory(h2)
                    && !h2.toAbsolutePath()
                            .normalize()
                            .startsWith(dataDir.toAbsolutePath().normalize())) {
                try (Stream<Path> files = Files.list(h2)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (Files.isRegularFile(f) && (name.endsWith(".mv.db") || name.endsWith(".trace.db"))) {
                            Files.setPosixFilePermissions(f, FILE);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict access to " + dataDir, e);
        }
    }

    /** Folders 0700 and files 0600, recursively. */
    public static void closeTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
            }
        }
    }

    /** A new file's folder closed and the file itself 0600 (archives, exports). */
    public static void restrict(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIRECTORY : FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict access to " + file, e);
        }
    }

    private static Path embeddedH2Dir(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")
                || jdbcUrl.startsWith("jdbc:h2:mem:")
                || jdbcUrl.startsWith("jdbc:h2:tcp:")
                || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String path = jdbcUrl.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring(5) : path;
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent;
    }
}
