package kz.shlyuz.certs.pki;

import java.nio.file.Path;
import java.util.Objects;
import kz.shlyuz.certs.identity.Iin;

/**
 * One entry of {@code data/pki/index.json}. Paths are absolute (resolved against the PKI folder).
 *
 * @param name unique name, e.g. {@code aidar-clean}, {@code aidar-clean-auth}, {@code tls-gateway}
 * @param role what the identity is for
 * @param iin the holder's IIN, or {@code null} (agencies, systems, CAs)
 * @param bin the organisation's BIN, or {@code null}
 * @param system the system this identity belongs to ({@code gateway}, {@code hkko}, an adapter name …), or {@code null}
 * @param algorithm key algorithm, {@code RSA}
 * @param cert the certificate, PEM
 * @param key the private key, unencrypted PKCS#8 PEM
 * @param p12 key, certificate and chain as PKCS#12 with password {@link DevPki#P12_PASSWORD}
 */
public record Identity(
        String name,
        Role role,
        String iin,
        String bin,
        String system,
        String algorithm,
        Path cert,
        Path key,
        Path p12) {

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(p12, "p12");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: blank (expected: a non-blank name)");
        }
    }

    @Override
    public String toString() {
        // The IIN is personal data and identities get logged.
        return "Identity[name=" + name + ", role=" + role.json() + ", iin=" + Iin.mask(iin) + ", bin=" + bin
                + ", system=" + system + ", algorithm=" + algorithm + ", cert=" + cert + "]";
    }
}
