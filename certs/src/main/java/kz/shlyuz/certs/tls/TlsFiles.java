package kz.shlyuz.certs.tls;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PEM files of one party's mutual-TLS identity.
 *
 * @param certificateChain the party's certificate followed by its issuers
 * @param privateKey its PKCS#8 private key
 * @param trust the CA certificates peers must chain to
 */
public record TlsFiles(Path certificateChain, Path privateKey, Path trust) {
    public TlsFiles {
        for (Path p : new Path[] {certificateChain, privateKey, trust}) {
            if (p == null || !Files.isReadable(p)) {
                throw new IllegalArgumentException("TLS file: " + p + " (expected: a readable PEM file)");
            }
        }
    }
}
