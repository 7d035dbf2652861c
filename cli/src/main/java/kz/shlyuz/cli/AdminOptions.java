package kz.shlyuz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.shlyuz.certs.tls.TlsFiles;
import picocli.CommandLine.Option;

/**
 * Where a running gateway's admin listener is, and the admin client certificate to present when it
 * serves HTTPS ({@code ops.admin.tls}): all of {@code --cert}, {@code --key} and {@code --ca}, or none.
 */
final class AdminOptions {
    @Option(
            names = "--admin",
            description =
                    "The gateway's admin listener, http(s)://HOST:PORT or HOST:PORT " + "(default: ${DEFAULT-VALUE}).",
            defaultValue = AdminClient.DEFAULT)
    String admin;

    @Option(names = "--cert", paramLabel = "PEM", description = "Admin client certificate chain (PEM), for https.")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "Its private key (PKCS#8 PEM).")
    Path key;

    @Option(
            names = "--ca",
            paramLabel = "PEM",
            description = "The CA certificates that issued the gateway's TLS " + "certificate (PEM).")
    Path ca;

    AdminClient client() {
        if (cert == null && key == null && ca == null) {
            return new AdminClient(admin, null);
        }
        if (cert == null || key == null || ca == null) {
            throw new UsageError("--cert, --key and --ca go together (an admin client certificate, its key and the "
                    + "CA of the gateway's TLS certificate)");
        }
        for (Path file : new Path[] {cert, key, ca}) {
            if (!Files.isReadable(file)) {
                throw new UsageError(file + ": not a readable file");
            }
        }
        if (!admin.startsWith("https://")) {
            throw new UsageError("--admin: '" + admin + "' — a client certificate needs https://HOST:PORT");
        }
        return new AdminClient(admin, new TlsFiles(cert, key, ca));
    }
}
