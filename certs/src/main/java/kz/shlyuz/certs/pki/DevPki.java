package kz.shlyuz.certs.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Iin;

/**
 * The development PKI in a folder ({@code data/pki/} by convention): looks up identities by name
 * or IIN and hands out their certificates, keys, chains, the trust anchors and CRLs for document
 * signatures, and the PEM files mutual TLS needs.
 *
 * <p>Identities are those of {@code index.json}; certificates and keys are read from their files
 * on first use and kept. Instances are thread-safe.
 *
 * <p>Development only: every private key is on disk unencrypted.
 */
public final class DevPki {
    /** Password of every {@code .p12} file. */
    public static final String P12_PASSWORD = "changeit";

    /**
     * Agency adapters, each with a TLS identity {@code tls-<adapter>} and a signing identity
     * {@code agency-<adapter>}: the names of the agency registry, {@link Agency}.
     */
    public static final List<String> ADAPTERS = Agency.ids();

    /** Every system with a TLS identity {@code tls-<system>}: the gateway, the three senders, the adapters. */
    public static final List<String> SYSTEMS = Stream.concat(
                    Stream.of("gateway", "egov-portal", "hkko", "burkit"), ADAPTERS.stream())
            .toList();

    /** Suffix of a citizen's authentication identity: {@code aidar-clean-auth}. */
    public static final String AUTH_SUFFIX = "-auth";

    /** Prefix of a system's TLS identity: {@code tls-gateway}. */
    public static final String TLS_PREFIX = "tls-";

    /** Suffix of a persona's GOST 34.310-2004 signing identity: {@code aidar-clean-gost2004}. */
    public static final String GOST2004_SUFFIX = DevPkiGenerator.GOST2004_SUFFIX;
    /** Suffix of a persona's GOST 34.10-2015 (512) signing identity: {@code aidar-clean-gost2015}. */
    public static final String GOST2015_SUFFIX = DevPkiGenerator.GOST2015_SUFFIX;
    /** Suffix of the clean citizen's GOST 34.10-2015 (256) signing identity. */
    public static final String GOST2015_256_SUFFIX = DevPkiGenerator.GOST2015_256_SUFFIX;

    static {
        // GOST certificates and CRLs are verified through the JDK's own classes.
        kz.shlyuz.certs.gost.GostProvider.install();
    }

    private static final Set<Role> PEOPLE = Set.of(Role.CITIZEN, Role.OPERATOR, Role.OFFICER);

    private final PkiLayout layout;
    private final List<Identity> identities;
    private final Map<String, Identity> byName;
    private final List<X509CRL> crls;
    private final Map<Path, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<Path, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final IssuerChains chains;

    private DevPki(PkiLayout layout, List<Identity> identities) {
        this.layout = layout;
        this.identities = List.copyOf(identities);
        Map<String, Identity> names = new LinkedHashMap<>();
        for (Identity identity : identities) {
            if (names.putIfAbsent(identity.name(), identity) != null) {
                throw new IllegalStateException(layout.index() + ": identity " + identity.name() + " appears twice");
            }
        }
        this.byName = names;
        this.crls = SigningHierarchies.crls(layout);
        this.chains = new IssuerChains(
                this.identities.stream().filter(i -> i.role() == Role.CA).toList(), this::certificate);
    }

    /**
     * Loads the PKI in {@code dir}, or generates one there (valid from the system clock's now)
     * when {@code dir/index.json} is missing.
     */
    public static DevPki loadOrCreate(Path dir) {
        PkiLayout layout = new PkiLayout(Objects.requireNonNull(dir, "dir"));
        if (Files.isRegularFile(layout.index())) {
            return load(dir);
        }
        GenerationLock lock = GenerationLock.acquire(layout);
        try {
            // Another process may have generated it while this one waited for the lock.
            if (!Files.isRegularFile(layout.index())) {
                new DevPkiGenerator(layout, Instant.now()).generate();
            }
        } finally {
            lock.close();
        }
        return load(dir);
    }

    /**
     * Generates a complete PKI into {@code dir}, overwriting files of the same names: always the
     * same identities and layout, always fresh keys and serial numbers.
     *
     * @param now the instant validity periods and the CRL are computed from
     */
    public static DevPki generate(Path dir, Instant now) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(now, "now");
        PkiLayout layout = new PkiLayout(dir);
        GenerationLock lock = GenerationLock.acquire(layout);
        try {
            new DevPkiGenerator(layout, now).generate();
        } finally {
            lock.close();
        }
        return load(dir);
    }

    /** Loads the PKI described by {@code dir/index.json}. */
    public static DevPki load(Path dir) {
        PkiLayout layout = new PkiLayout(Objects.requireNonNull(dir, "dir"));
        return new DevPki(layout, IndexFile.read(layout));
    }

    /** The PKI folder, absolute. */
    public Path dir() {
        return layout.dir();
    }

    /** Every identity, in index order. */
    public List<Identity> identities() {
        return identities;
    }

    /** The identities with {@code role}, in index order. */
    public List<Identity> identities(Role role) {
        return identities.stream().filter(i -> i.role() == role).toList();
    }

    /**
     * The identity named {@code nameOrIin}; or, given an IIN, that person's signing identity (a
     * citizen, operator or officer, not the {@code -auth} one).
     *
     * @throws NoSuchElementException naming the known identities
     */
    public Identity identity(String nameOrIin) {
        Objects.requireNonNull(nameOrIin, "nameOrIin");
        Identity named = byName.get(nameOrIin);
        if (named != null) {
            return named;
        }
        return identities.stream()
                .filter(i -> nameOrIin.equals(i.iin())
                        && PEOPLE.contains(i.role())
                        && !i.name().endsWith(AUTH_SUFFIX))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no identity " + printable(nameOrIin) + " in "
                        + layout.index() + " (expected: a name or a person's IIN; known names: "
                        + String.join(", ", byName.keySet()) + ")"));
    }

    /**
     * The TLS identity of {@code systemId} (role {@link Role#SYSTEM}).
     *
     * @throws NoSuchElementException naming the known systems
     */
    public Identity system(String systemId) {
        Objects.requireNonNull(systemId, "systemId");
        return identities.stream()
                .filter(i -> i.role() == Role.SYSTEM && systemId.equals(i.system()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no TLS identity for system " + systemId + " in "
                        + layout.index() + " (expected one of: "
                        + identities(Role.SYSTEM).stream().map(Identity::system).collect(Collectors.joining(", "))
                        + ")"));
    }

    /** The identity's certificate. */
    public X509Certificate certificate(Identity id) {
        Objects.requireNonNull(id, "id");
        return certificates.computeIfAbsent(id.cert(), PemFiles::readCertificate);
    }

    /** The identity's private key. */
    public PrivateKey privateKey(Identity id) {
        Objects.requireNonNull(id, "id");
        return privateKeys.computeIfAbsent(id.key(), PemFiles::readPrivateKey);
    }

    /**
     * The identity's certificate, then the intermediates that issued it, without the self-signed
     * root (a verifier has that as its trust anchor). A root's chain is the root alone; an
     * identity whose issuer is not a CA of this PKI ({@code test-unknown-ca}) has only itself.
     */
    public List<X509Certificate> chain(Identity id) {
        return chains.of(certificate(id));
    }

    /** What {@link kz.shlyuz.certs.cms.CmsSigner} needs to sign as {@code nameOrIin} (see {@link #identity}). */
    public SignerKey signerKey(String nameOrIin) {
        return signerKey(identity(nameOrIin));
    }

    /** What {@link kz.shlyuz.certs.cms.CmsSigner} needs to sign as {@code id}. */
    public SignerKey signerKey(Identity id) {
        List<X509Certificate> chain = chain(id);
        return new SignerKey(privateKey(id), chain.get(0), chain.subList(1, chain.size()));
    }

    /** Roots trusted for document signatures: the RSA root first, then the GOST 2004 and GOST 2015 roots. */
    public List<X509Certificate> signingTrustAnchors() {
        return certificatesOf(SigningHierarchies.ROOTS);
    }

    /** CA certificates between the signing roots and signers, RSA first. */
    public List<X509Certificate> signingIntermediates() {
        return certificatesOf(SigningHierarchies.INTERMEDIATES);
    }

    private List<X509Certificate> certificatesOf(List<String> names) {
        return names.stream()
                .filter(byName::containsKey)
                .map(n -> certificate(byName.get(n)))
                .toList();
    }

    /**
     * CRLs of the signing hierarchies, RSA first: each root's (covering its intermediate) and each
     * intermediate's (covering signers; {@code test-revoked} and {@code test-revoked-gost2015} are
     * on them), enough for PKIX validation with revocation checking on.
     */
    public List<X509CRL> crls() {
        return crls;
    }

    /**
     * The issuing CAs of document signatures (RSA, GOST 2004, GOST 2015 intermediates) with their
     * keys, each answering OCSP for the certificates it issued.
     */
    public List<kz.shlyuz.certs.ocsp.OcspResponder.Authority> ocspAuthorities() {
        return SigningHierarchies.INTERMEDIATES.stream()
                .filter(byName::containsKey)
                .map(byName::get)
                .map(ca -> new kz.shlyuz.certs.ocsp.OcspResponder.Authority(certificate(ca), privateKey(ca)))
                .toList();
    }

    /** Fresh issuance and revocation records for an OCSP responder (revocations made on it stay on it). */
    public DevCertificateStatuses certificateStatuses() {
        return new DevCertificateStatuses(this);
    }

    /**
     * A new time-stamping key for this process: a certificate with EKU timeStamping issued now by
     * the signing intermediate of {@code algorithm} ({@code RSA}, {@code GOST2004},
     * {@code GOST2015-512}), valid from three years ago to two years ahead. Kept in memory only.
     */
    public SignerKey newTimeStampingKey(String algorithm) {
        Identity ca = identity(TimeStampingKeys.issuerOf(algorithm));
        return TimeStampingKeys.mint(algorithm, certificate(ca), privateKey(ca), chain(ca), Instant.now());
    }

    /** PEM with the TLS CA certificate: the trust for mutual TLS between systems. */
    public Path tlsTrustPem() {
        return layout.tlsTrust();
    }

    /** PEM with the system's TLS certificate, then its issuer chain: the key manager's certificate chain. */
    public Path tlsCertChainPem(String systemId) {
        Identity identity = system(systemId);
        return layout.chain(identity.role(), identity.name());
    }

    /** The system's TLS private key, unencrypted PKCS#8 PEM. */
    public Path tlsKeyPem(String systemId) {
        return system(systemId).key();
    }

    @Override
    public String toString() {
        return "DevPki[" + layout.dir() + ", " + identities.size() + " identities]";
    }

    /** Masks what may be an IIN: exception messages end up in logs. */
    private static String printable(String nameOrIin) {
        return nameOrIin.chars().allMatch(Character::isDigit) ? Iin.mask(nameOrIin) : nameOrIin;
    }
}
