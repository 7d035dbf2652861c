package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The operator console and management API (issue 14): its HTTPS listener, its accounts and its
 * limits. Read from the configuration's {@code console} object; every part may be omitted.
 *
 * @param enabled false (the library default): no listener; {@code ./shlyuz serve} without
 *     {@code --config} turns it on
 * @param host the address to bind, loopback by default
 * @param port 8444 by default; 0 picks a free port (tests)
 * @param devAccounts with no {@code accounts}: make one account per role with a random password
 *     and write them to {@code <dataDir>/console/accounts.txt} (mode 0600); development only
 * @param accounts the production accounts, each with a bcrypt hash of its password
 * @param sessionIdle a console session ends after this long without a request
 * @param requestsPerMinute requests one account (or, before login, one address) may make per minute
 * @param certificateChain PEM chain of the listener's server certificate; null: the gateway's TLS
 *     certificate from the PKI
 * @param privateKey PEM PKCS#8 key of {@code certificateChain}; set with it or not at all
 */
public record ConsoleSettings(
        boolean enabled,
        String host,
        int port,
        boolean devAccounts,
        List<Account> accounts,
        Duration sessionIdle,
        int requestsPerMinute,
        Path certificateChain,
        Path privateKey) {

    /** The roles an account may have (issue 14.1). */
    public static final Set<String> ROLES = Set.of("observer", "operator", "security", "auditor");

    /**
     * One console account.
     *
     * @param passwordHash a bcrypt hash ({@code $2a$}/{@code $2b$}/{@code $2y$}), never the password
     */
    public record Account(String username, String role, String passwordHash) {
        public Account {
            Objects.requireNonNull(username, "console.accounts[].username");
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException(
                        "console.accounts[" + username + "].role: " + role + " (expected one of " + ROLES + ")");
            }
            if (passwordHash == null || !passwordHash.matches("\\$2[aby]\\$\\d\\d\\$.{53}")) {
                throw new IllegalArgumentException("console.accounts[" + username
                        + "].passwordHash: expected a bcrypt hash ($2b$12$…), e.g. from ./shlyuz console hash");
            }
        }

        @Override
        public String toString() {
            return "Account[" + username + ", " + role + "]";
        }
    }

    public ConsoleSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console.port: " + port + " (expected: 0–65535)");
        }
        accounts = List.copyOf(accounts);
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("console.sessionIdle: " + sessionIdle + " (expected: > 0)");
        }
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("console.requestsPerMinute: " + requestsPerMinute + " (expected: > 0)");
        }
        if ((certificateChain == null) != (privateKey == null)) {
            throw new IllegalArgumentException("console.certificateChain and console.privateKey: set both or neither");
        }
    }

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(false, "127.0.0.1", 8444, false, List.of(), Duration.ofMinutes(15), 600, null, null);
    }

    /** On, at {@code newPort} (0: a free port), with development accounts unless accounts are configured. */
    public ConsoleSettings enabledOn(int newPort) {
        return new ConsoleSettings(
                true,
                host,
                newPort,
                accounts.isEmpty() || devAccounts,
                accounts,
                sessionIdle,
                requestsPerMinute,
                certificateChain,
                privateKey);
    }

    /** The same with another request limit per minute. */
    public ConsoleSettings withRequestsPerMinute(int perMinute) {
        return new ConsoleSettings(
                enabled, host, port, devAccounts, accounts, sessionIdle, perMinute, certificateChain, privateKey);
    }

    /** Reads {@code root.console}; what is absent keeps {@link #defaults()}. */
    static ConsoleSettings parse(JsonNode root) {
        ConsoleSettings d = defaults();
        JsonNode c = root.path("console");
        List<Account> accounts = new ArrayList<>();
        c.path("accounts")
                .forEach(a -> accounts.add(new Account(
                        a.path("username").asText(null),
                        a.path("role").asText(""),
                        a.path("passwordHash").asText(null))));
        String chain = c.path("certificateChain").isTextual()
                ? c.path("certificateChain").asText()
                : null;
        String key = c.path("privateKey").isTextual() ? c.path("privateKey").asText() : null;
        return new ConsoleSettings(
                c.path("enabled").asBoolean(d.enabled()),
                c.path("host").asText(d.host()),
                c.path("port").asInt(d.port()),
                c.path("devAccounts").asBoolean(d.devAccounts()),
                accounts,
                ConfigValues.duration(c, "console.", "sessionIdle", d.sessionIdle(), "PT15M"),
                c.path("requestsPerMinute").asInt(d.requestsPerMinute()),
                chain == null || chain.isBlank() ? null : Path.of(chain),
                key == null || key.isBlank() ? null : Path.of(key));
    }
}
