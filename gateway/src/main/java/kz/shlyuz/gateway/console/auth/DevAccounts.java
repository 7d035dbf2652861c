package kz.shlyuz.gateway.console.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.shlyuz.gateway.config.ConsoleSettings;

/**
 * Development accounts (issue 14.1): one per role, named after it, with a random password, in
 * {@code <dataDir>/console/accounts.txt} (mode 0600, one {@code role username password} per line).
 * A file left by an earlier start is read again, so the passwords stay the same across restarts;
 * delete it for new ones.
 */
public final class DevAccounts {
    /** The file's place under the data directory. */
    public static final String FILE = "console/accounts.txt";

    /** One line of the file. */
    public record Line(Role role, String username, String password) {
        @Override
        public String toString() {
            return "Line[" + role.id() + ", " + username + "]";
        }
    }

    private DevAccounts() {}

    /** The accounts of {@code dataDir}'s file, made and written first when there is none. */
    public static List<Line> ensure(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            List<Line> lines = new ArrayList<>();
            SecureRandom random = new SecureRandom();
            StringBuilder text = new StringBuilder();
            for (Role role : Role.values()) {
                byte[] secret = new byte[18];
                random.nextBytes(secret);
                Line line = new Line(
                        role, role.id(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                lines.add(line);
                text.append(role.id())
                        .append(' ')
                        .append(line.username())
                        .append(' ')
                        .append(line.password())
                        .append('\n');
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("accounts.txt.tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system: the folder's own protection applies
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("console: cannot write the development accounts to " + file, e);
        }
    }

    private static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = row.trim().split("\\s+");
            if (parts.length == 3) {
                lines.add(new Line(Role.of(parts[0]), parts[1], parts[2]));
            }
        }
        return lines;
    }

    /** The lines as accounts with hashes (a lower cost: these are made at every start). */
    public static List<ConsoleSettings.Account> accounts(List<Line> lines) {
        List<ConsoleSettings.Account> accounts = new ArrayList<>();
        for (Line line : lines) {
            accounts.add(
                    new ConsoleSettings.Account(line.username(), line.role().id(), Accounts.hash(line.password(), 10)));
        }
        return accounts;
    }
}
