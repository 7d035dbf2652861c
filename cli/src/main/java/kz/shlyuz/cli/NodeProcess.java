package kz.shlyuz.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gateway node as a child JVM: {@code ./shlyuz serve} with the given arguments, on this
 * process's own Java and class path (the jar {@code ./shlyuz} runs, or a test's class path). Its
 * output goes to a log file; the ports it prints on its start lines are read from it, so a node
 * started with {@code --port 0 --admin-port 0} is found where it really listens.
 */
final class NodeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("^Shlyuz ready: node (\\S+), gateway on (\\S+):(\\d+) ");
    private static final Pattern ADMIN = Pattern.compile("^Admin listener: http://(\\S+):(\\d+)/");

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> gatewayPort = new CompletableFuture<>();
    private final CompletableFuture<Integer> adminPort = new CompletableFuture<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code serve} with {@code arguments} and {@code environment} added to this process's own.
     *
     * @param log where the node's output (stdout and stderr) is appended
     */
    static NodeProcess start(String name, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // As the launcher runs the gateway: a heap exhausted ends the node (its supervisor restarts it).
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShlyuzCommand.class.getName());
        command.add("serve");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.createDirectories(log.toAbsolutePath().getParent());
        NodeProcess node = new NodeProcess(name, builder.start(), log);
        Thread reader = new Thread(node::copyOutput, "node-output-" + name);
        reader.setDaemon(true);
        reader.start();
        return node;
    }

    /** Copies the node's output to its log, picking up the ports of its start lines on the way. */
    private void copyOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    gatewayPort.complete(Integer.parseInt(ready.group(3)));
                }
                Matcher admin = ADMIN.matcher(line);
                if (admin.find()) {
                    adminPort.complete(Integer.parseInt(admin.group(2)));
                }
            }
        } catch (IOException e) {
            // The node's output closed under us (it was killed): nothing more to copy.
        } finally {
            String why = name + " exited before it was ready (see " + log + ")";
            gatewayPort.completeExceptionally(new IllegalStateException(why));
            adminPort.completeExceptionally(new IllegalStateException(why));
        }
    }

    /**
     * Waits until the node answers 200 on {@code /health/ready} of its admin listener.
     *
     * @throws IllegalStateException when it exits first or is not ready within {@code within}
     */
    void awaitReady(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        int admin = await(adminPort, deadline, "its admin listener");
        await(gatewayPort, deadline, "its gateway port");
        URI ready = URI.create("http://127.0.0.1:" + admin + "/health/ready");
        while (true) {
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet: ask again below.
            }
            // The pause between two looks is a wait on the process itself: it ends at once if the node dies.
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready" + " (see " + log + ")");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready within " + within + " (see " + log + ")");
            }
        }
    }

    private int await(CompletableFuture<Integer> port, Instant deadline, String what) throws InterruptedException {
        try {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return port.get(left, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " did not print " + what + " in time (see " + log + ")", e);
        }
    }

    String name() {
        return name;
    }

    /** The gateway port the node printed; only after {@link #awaitReady}. */
    int gatewayPort() {
        return gatewayPort.join();
    }

    /** The admin listener port the node printed; only after {@link #awaitReady}. */
    int adminPort() {
        return adminPort.join();
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed — a crashed machine, as far as the database sees. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (in-flight calls finish), then SIGKILL if the node has not ended within {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** Reads a log, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
