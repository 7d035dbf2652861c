package kz.shlyuz.certs.pki;

import java.io.File;
import java.nio.file.Path;

/**
 * Where each file of the dev PKI lives, relative to its folder. Identity files are grouped by
 * role: {@code <role>/<name>.pem}, {@code .key.pem}, {@code .p12}, {@code .chain.pem}.
 */
final class PkiLayout {
    static final String INDEX = "index.json";

    private final Path dir;

    PkiLayout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path index() {
        return dir.resolve(INDEX);
    }

    /** Held while generating, so concurrent starters do not interleave (see {@link GenerationLock}). */
    Path generationLock() {
        return dir.resolve(".generate.lock");
    }

    Path readme() {
        return dir.resolve("README.txt");
    }

    Path roleDir(Role role) {
        return dir.resolve(role.json());
    }

    Path certificate(Role role, String name) {
        return roleDir(role).resolve(name + ".pem");
    }

    Path key(Role role, String name) {
        return roleDir(role).resolve(name + ".key.pem");
    }

    Path p12(Role role, String name) {
        return roleDir(role).resolve(name + ".p12");
    }

    /** The certificate followed by its issuers (TLS: up to and including the TLS CA). */
    Path chain(Role role, String name) {
        return roleDir(role).resolve(name + ".chain.pem");
    }

    Path crlDir() {
        return dir.resolve("crl");
    }

    Path crlDer(String caName) {
        return crlDir().resolve(caName + ".crl");
    }

    Path crlPem(String caName) {
        return crlDir().resolve(caName + ".crl.pem");
    }

    Path tlsDir() {
        return dir.resolve("tls");
    }

    Path tlsTrust() {
        return tlsDir().resolve("trust.pem");
    }

    /** The untrusted root that issued {@code test-unknown-ca}; deliberately not in the index. */
    Path unknownCaRoot() {
        return roleDir(Role.TEST).resolve("unknown-ca-root.pem");
    }

    /** A path as written in index.json: relative, with forward slashes on every platform. */
    String relative(Path path) {
        return dir.relativize(path.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
    }

    Path resolve(String relative) {
        return dir.resolve(relative).normalize();
    }
}
