package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSL for interoperability tests. */
public final class Processes {
    /** Exit code and merged output of a finished process. */
    public record Result(int exitCode, String output) {}

    private Processes() {}

    public static boolean opensslAvailable() {
        try {
            return run(Path.of("."), List.of("openssl", "version")).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static Result run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
