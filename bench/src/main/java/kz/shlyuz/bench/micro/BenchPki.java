package kz.shlyuz.bench.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.signature.TrustMaterial;

/**
 * The dev PKI the micro-benchmarks share: generated once by {@link MicroBench} and handed to each
 * forked JMH JVM by the system property {@code shlyuz.bench.pki}; generated on the spot otherwise.
 */
public final class BenchPki {
    public static final String PROPERTY = "shlyuz.bench.pki";

    private BenchPki() {}

    public static DevPki get() {
        String dir = System.getProperty(PROPERTY);
        if (dir != null) {
            return DevPki.load(Path.of(dir));
        }
        try {
            return DevPki.generate(Files.createTempDirectory("shlyuz-jmh-pki-"), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrustMaterial trust(DevPki pki) {
        return new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls());
    }
}
