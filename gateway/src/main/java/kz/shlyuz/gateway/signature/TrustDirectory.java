package kz.shlyuz.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import kz.shlyuz.certs.gost.GostProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust read from folders of CA certificates and CRLs ({@code .crt .cer .pem .der}, {@code .crl};
 * PEM or DER): self-signed certificates become anchors, the others intermediates. The folders are
 * looked at again at most every {@code recheck}; when a file was added, removed or changed, the
 * trust is reloaded — no restart needed to add a CA, replace a CRL or drop a root. A reload that
 * fails (a half-written file) keeps the previous trust and is retried at the next check.
 */
public final class TrustDirectory implements TrustSource {
    private static final Logger log = LoggerFactory.getLogger(TrustDirectory.class);
    /** Larger files are not certificates or CRLs a CA publishes for this purpose. */
    private static final long MAX_FILE_BYTES = 16L << 20;

    private static final int MAX_FILES = 1000;

    private final List<Path> dirs;
    private final List<TrustMaterial> fixed;
    private final Clock clock;
    private final Duration recheck;
    private TrustMaterial current;
    private String fingerprint;
    private Instant checkedAt;

    /**
     * @param dirs folders to read (each must exist)
     * @param fixed trust added to whatever the folders hold (e.g. the dev PKI), may be empty
     * @param recheck how often the folders are looked at, at most
     */
    public TrustDirectory(List<Path> dirs, List<TrustMaterial> fixed, Clock clock, Duration recheck) {
        this.dirs = List.copyOf(dirs);
        this.fixed = List.copyOf(fixed);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        GostProvider.install();
        for (Path dir : this.dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("trust folder " + dir + ": not a directory");
            }
        }
        this.fingerprint = fingerprint();
        this.current = load();
        this.checkedAt = clock.instant();
    }

    @Override
    public synchronized TrustMaterial current() {
        Instant now = clock.instant();
        if (!now.isBefore(checkedAt.plus(recheck))) {
            checkedAt = now;
            String seen = fingerprint();
            if (!seen.equals(fingerprint)) {
                try {
                    current = load();
                    fingerprint = seen;
                    log.info(
                            "trust reloaded from {}: {} anchors, {} intermediates, {} CRLs",
                            dirs,
                            current.anchors().size(),
                            current.intermediates().size(),
                            current.crls().size());
                } catch (RuntimeException e) {
                    log.warn(
                            "trust folders {} changed but cannot be read ({}); keeping the previous trust",
                            dirs,
                            e.getMessage());
                }
            }
        }
        return current;
    }

    private TrustMaterial load() {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (TrustMaterial material : fixed) {
            anchors.addAll(material.anchors());
            intermediates.addAll(material.intermediates());
            crls.addAll(material.crls());
        }
        for (Path file : files()) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            byte[] bytes = read(file);
            if (name.endsWith(".crl")) {
                crls.addAll(crls(file, bytes));
                continue;
            }
            for (X509Certificate certificate : certificates(file, bytes)) {
                if (certificate.getBasicConstraints() < 0) {
                    log.warn("trust folder: {} is not a CA certificate; ignored", file);
                } else if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    anchors.add(certificate);
                } else {
                    intermediates.add(certificate);
                }
            }
        }
        return new TrustMaterial(anchors, intermediates, crls);
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile)
                        .filter(TrustDirectory::relevant)
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list trust folder " + dir, e);
            }
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalStateException(
                    "trust folders hold " + files.size() + " files (expected: <= " + MAX_FILES + ")");
        }
        return files;
    }

    private static boolean relevant(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".crt")
                || name.endsWith(".cer")
                || name.endsWith(".pem")
                || name.endsWith(".der")
                || name.endsWith(".crl");
    }

    /** Names, sizes and modification times: cheap to compute, changes with any edit that matters. */
    private String fingerprint() {
        StringBuilder s = new StringBuilder();
        for (Path file : files()) {
            try {
                s.append(file)
                        .append('|')
                        .append(Files.size(file))
                        .append('|')
                        .append(Files.getLastModifiedTime(file).toMillis())
                        .append('\n');
            } catch (IOException e) {
                s.append(file).append("|gone\n");
            }
        }
        return s.toString();
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalStateException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<X509Certificate> certificates(Path file, byte[] bytes) {
        try {
            return (Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new IllegalStateException(file + ": not an X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<X509CRL> crls(Path file, byte[] bytes) {
        try {
            return (Collection<X509CRL>)
                    CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes));
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException(file + ": not an X.509 CRL (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "TrustDirectory" + dirs;
    }
}
