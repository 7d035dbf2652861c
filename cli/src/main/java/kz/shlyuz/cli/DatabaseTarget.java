package kz.shlyuz.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * The database a node runs on, from {@code --db} or {@code SHLYUZ_DB_URL}: a JDBC URL that may
 * carry the user and password as its own parameters ({@code ?user=shlyuz&password=…}). They are
 * taken out of the URL into the journal's user and password, so the URL that is printed, logged
 * and shown by the admin listener never holds the password.
 *
 * @param url the URL without its user and password parameters
 * @param user the user named in the URL, or null to keep the configured one
 * @param password the password named in the URL, or null to keep the configured one
 */
record DatabaseTarget(String url, String user, String password) {
    /** Environment variable naming the database, between the configuration file and {@code --db}. */
    static final String ENV = "SHLYUZ_DB_URL";

    @Override
    public String toString() {
        return "DatabaseTarget[url=" + url + ", user=" + user + "]";
    }

    static DatabaseTarget parse(String jdbcUrl) {
        String url = jdbcUrl.trim();
        if (!url.startsWith("jdbc:")) {
            throw new UsageError("--db: '" + masked(url) + "' (expected: a JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/shlyuz?user=shlyuz&password=…)");
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseTarget(url, null, null);
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String param : url.substring(q + 1).split("&")) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else if (!param.isEmpty()) {
                kept.add(param);
            }
        }
        return new DatabaseTarget(
                url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), user, password);
    }

    /** The journal settings with this database in place of the configured one. */
    GatewayConfig.JournalSettings applyTo(GatewayConfig.JournalSettings journal) {
        return new GatewayConfig.JournalSettings(
                url,
                user != null ? user : journal.user(),
                password != null ? password : journal.password(),
                journal.poolSize());
    }

    /** A JDBC URL fit to print: any password parameter ({@code password=}, {@code PASSWORD=}) as {@code ****}. */
    static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1****");
    }
}
