package kz.shlyuz.bench.env;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of Debian's package in a temporary folder, on a free loopback port, for
 * one bench run: {@code initdb} (trust authentication, user {@value #USER}), {@code pg_ctl start}
 * with {@code pg_stat_statements} loaded so that the run can count the statements each case
 * costs, one database {@value #DATABASE}. Run as the unprivileged {@code postgres} user when this
 * JVM runs as root (PostgreSQL refuses root). {@link #close()} stops it and deletes the folder.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final String USER = "shlyuz";
    public static final String DATABASE = "shlyuz";

    private final Path bin;
    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed server's {@code bin} folder, if PostgreSQL is installed. */
    public static Optional<Path> installed() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(ThrowawayPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates and starts the cluster; fails with a sentence when PostgreSQL is not installed. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = installed()
                .orElseThrow(() -> new IOException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                        + "install Debian's package: apt-get install postgresql"));
        Path dir = Files.createTempDirectory("shlyuz-bench-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), dir);
        }
        int port = freePort();
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, port);
        pg.pg("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8");
        pg.pg(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                        + " -c shared_preload_libraries=pg_stat_statements",
                "start");
        try {
            pg.pg("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, DATABASE);
            try (Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            pg.close();
            throw e instanceof IOException io ? io : new IOException("PostgreSQL did not start: " + e, e);
        }
        return pg;
    }

    /** The JDBC URL of the database, user and password as parameters (trust authentication ignores the password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER + "&password=" + USER;
    }

    public int port() {
        return port;
    }

    /** What the database has done so far: commits and statements (every client, the bench's own reads included). */
    public record Work(long commits, long statements) {
        public Work minus(Work before) {
            return new Work(commits - before.commits, statements - before.statements);
        }
    }

    /** The database's commits (pg_stat_database) and executed statements (pg_stat_statements) so far. */
    public Work work() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            // The statistics collector publishes counters lazily; force the latest into view.
            s.execute("SELECT pg_stat_clear_snapshot()");
            long commits;
            try (ResultSet rs =
                    s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + DATABASE + "'")) {
                rs.next();
                commits = rs.getLong(1);
            }
            long statements;
            try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + DATABASE + "'")) {
                rs.next();
                statements = rs.getLong(1);
            }
            return new Work(commits, statements);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command, dir);
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": no answer within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit status " + p.exitValue()
                    + logTail(dir.resolve("server.log")));
        }
    }

    /** The end of the server's log, where PostgreSQL says why it did not start. */
    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the server's log ends: "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } catch (IOException | InterruptedException e) {
            // Already stopped, or never started: the folder goes anyway.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
