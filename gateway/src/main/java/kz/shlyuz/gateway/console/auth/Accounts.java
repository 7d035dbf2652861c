package kz.shlyuz.gateway.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.config.ConsoleSettings;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The console's accounts with their bcrypt password hashes (BouncyCastle's {@link OpenBSDBCrypt}).
 * A successful check is remembered as a SHA-256 of the password, so that scripts sending HTTP Basic
 * on every request do not pay bcrypt's cost each time; a wrong password always pays it.
 */
public final class Accounts {
    /** bcrypt's work factor for hashes made here: 2^12 rounds, about 0.2 s on a server core. */
    public static final int COST = 12;

    private final Map<String, ConsoleSettings.Account> byName;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    /** Checked against when the user is unknown, so an unknown name takes as long as a wrong password. */
    private final String decoy;

    public Accounts(List<ConsoleSettings.Account> accounts) {
        this.byName = accounts.stream()
                .collect(Collectors.toUnmodifiableMap(ConsoleSettings.Account::username, Function.identity()));
        this.decoy = hash("decoy-" + new SecureRandom().nextLong(), 10);
    }

    /** A bcrypt hash of {@code password} at {@code cost}, for the configuration's {@code passwordHash}. */
    public static String hash(String password, int cost) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * The account's role when {@code password} is its password.
     *
     * @return empty for an unknown name or a wrong password (the caller cannot tell which)
     */
    public Optional<Role> authenticate(String username, String password) {
        ConsoleSettings.Account account = username == null ? null : byName.get(username);
        if (account == null) {
            OpenBSDBCrypt.checkPassword(decoy, password.toCharArray());
            return Optional.empty();
        }
        byte[] digest = sha256(username + '\0' + password);
        byte[] known = verified.get(username);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return Optional.of(Role.of(account.role()));
        }
        if (!OpenBSDBCrypt.checkPassword(account.passwordHash(), password.toCharArray())) {
            return Optional.empty();
        }
        verified.put(username, digest);
        return Optional.of(Role.of(account.role()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
