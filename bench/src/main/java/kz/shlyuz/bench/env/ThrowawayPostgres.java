package kz.shlyuz.bench.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster for trying several nodes out on one machine ({@code ./shlyuz cluster up})
 * and for the bench's {@code cluster-pg} scenario, as {@code .ci/run} starts one: Debian's
 * binaries ({@code /usr/lib/postgresql/<version>/bin}, or {@code SHLYUZ_PG_BIN}), a cluster in a
 * temporary folder on a free loopback port with trust authentication, run as the {@code postgres}
 * user when this process is root (PostgreSQL refuses to run as root), with
 * {@code pg_stat_statements} loaded so that a run can count the statements its work cost
 * ({@link #work()}). {@link #close()} stops it and removes the folder: nothing of it outlives the
 * try-out.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final String BIN_ENV = "SHLYUZ_PG_BIN";
    public static final String USER = "shlyuz";
    public static final String DATABASE = "shlyuz";

    /**
     * Settings for a write-heavy gateway database, as docs/SIZING.md gives them, in place of the
     * defaults sized for a small machine. With 128 MB of shared buffers a bench run's database
     * outgrew them within minutes and the server's own backends wrote about 6 GB of dirty pages to
     * make room; with 1 GB of WAL a checkpoint came every 560 MB or so, each followed by pages
     * written to the WAL in full. Commits stay synchronous: an acknowledgement is durable.
     */
    static final String SIZED = "-c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=30min";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Where {@code initdb} and {@code pg_ctl} are: {@code SHLYUZ_PG_BIN}, else the newest Debian version; null if none. */
    public static Path findBin(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")) ? p : null;
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(ThrowawayPostgres::version))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** As {@link #start(Path)} with the binaries {@link #findBin} finds; fails with a sentence when there are none. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = findBin(System.getenv(BIN_ENV));
        if (bin == null) {
            throw new IOException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, and " + BIN_ENV
                    + " names none): install Debian's package, apt-get install postgresql");
        }
        return start(bin);
    }

    /** initdb, start on a free port and create the {@value #DATABASE} database. */
    public static ThrowawayPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("shlyuz-cluster-pg-");
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, freePort(), root);
        try {
            if (root) {
                pg.run(List.of("chown", "postgres", dir.toString()), false);
            }
            pg.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-U",
                            USER,
                            "--auth=trust",
                            "-E",
                            "UTF8"),
                    true);
            pg.run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-l",
                            dir.resolve("server.log").toString(),
                            "-w",
                            "-o",
                            "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                                    + " -c shared_preload_libraries=pg_stat_statements " + SIZED,
                            "start"),
                    true);
            pg.run(
                    List.of(
                            bin.resolve("createdb").toString(),
                            "-h",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(pg.port),
                            "-U",
                            USER,
                            DATABASE),
                    true);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                    Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                throw new IOException("PostgreSQL started but cannot be used: " + e.getMessage(), e);
            }
            return pg;
        } catch (IOException | RuntimeException | InterruptedException e) {
            pg.close();
            throw e;
        }
    }

    /** Runs a PostgreSQL tool (as postgres when {@code asPostgres}); its output goes to the cluster's folder. */
    private void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = dir.resolve("tools.log");
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            throw new IOException(
                    Path.of(command.get(0)).getFileName() + " failed (exit " + p.exitValue() + "): " + log.strip());
        }
    }

    /** The JDBC URL of the database, with the user as its parameter (trust authentication: no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }

    /**
     * CPU the server has used so far, its postmaster and live backends together (nanoseconds, -1
     * when unknown): the database's share of a window's machine time.
     */
    public long cpuNanos() {
        return ProcessCpu.ofServer(dir.resolve("data"));
    }

    public int port() {
        return port;
    }

    /** What the database has done so far: commits and statements (every client's, the caller's own reads included). */
    public record Work(long commits, long statements) {
        public Work minus(Work before) {
            return new Work(commits - before.commits, statements - before.statements);
        }

        public Work plus(Work other) {
            return new Work(commits + other.commits, statements + other.statements);
        }
    }

    /** The database's commits ({@code pg_stat_database}) and executed statements ({@code pg_stat_statements}) so far. */
    public Work work() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            // Statistics are read from a snapshot taken at the first read of a transaction: start afresh.
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

    /**
     * The {@code n} statements that took the most server time so far, one line each: calls, total
     * and mean time, rows, and the statement's text shortened, so that a run says where the
     * database's share of the work goes.
     */
    public List<String> topStatements(int n) throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, rows, query FROM pg_stat_statements s "
                        + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + DATABASE + "' "
                        + "ORDER BY total_exec_time DESC LIMIT " + n)) {
            while (rs.next()) {
                long calls = rs.getLong(1);
                double total = rs.getDouble(2);
                String query = rs.getString(4).replaceAll("\\s+", " ");
                lines.add(String.format(
                        java.util.Locale.ROOT,
                        "%9d calls %9.0f ms %7.1f µs/call %9d rows  %s",
                        calls,
                        total,
                        calls == 0 ? 0 : total * 1000 / calls,
                        rs.getLong(3),
                        query.length() > 90 ? query.substring(0, 90) + "…" : query));
            }
        }
        return lines;
    }

    /** Stops the server (fast: open sessions are ended) and removes the folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run(
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "-D",
                                dir.resolve("data").toString(),
                                "-m",
                                "fast",
                                "-w",
                                "stop"),
                        true);
            }
        } catch (IOException e) {
            System.err.println("shlyuz cluster: stopping PostgreSQL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
