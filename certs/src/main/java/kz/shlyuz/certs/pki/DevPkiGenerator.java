package kz.shlyuz.certs.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostPrivateKey;
import kz.shlyuz.certs.pki.IdentityPlans.Parent;
import kz.shlyuz.certs.pki.IdentityPlans.Plan;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the whole dev PKI into a folder: the same names and layout every time, fresh keys.
 * The CA hierarchies are made here; who else gets a certificate is {@link IdentityPlans}.
 * {@code index.json} is written last, so a folder without it is an unfinished generation.
 */
final class DevPkiGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DevPkiGenerator.class);

    static final String ROOT = "root-rsa";
    static final String INTERMEDIATE = "intermediate-rsa";
    static final String TLS_CA = "tls-ca";
    static final String ROOT_GOST2004 = "root-gost2004";
    static final String INTERMEDIATE_GOST2004 = "intermediate-gost2004";
    static final String ROOT_GOST2015 = "root-gost2015";
    static final String INTERMEDIATE_GOST2015 = "intermediate-gost2015";
    /** Suffixes of the GOST signing identities some personas get: {@code aidar-clean-gost2015}. */
    static final String GOST2004_SUFFIX = "-gost2004";

    static final String GOST2015_SUFFIX = "-gost2015";
    static final String GOST2015_256_SUFFIX = "-gost2015-256";

    private static final X500Name ROOT_NAME = SubjectNames.certificationAuthority("НЕГІЗГІ КО DEV (RSA)");
    private static final X500Name INTERMEDIATE_NAME = SubjectNames.certificationAuthority("ҰКО 3.0 (RSA DEV)");
    private static final X500Name TLS_CA_NAME = SubjectNames.devSystem("Shlyuz dev TLS CA");
    private static final X500Name GOST2004_ROOT_NAME = SubjectNames.certificationAuthority("НЕГІЗГІ КО DEV (GOST)");
    private static final X500Name GOST2004_INTERMEDIATE_NAME =
            SubjectNames.certificationAuthority("ҰКО 3.0 (GOST DEV)");
    private static final X500Name GOST2015_ROOT_NAME =
            SubjectNames.certificationAuthority("НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) DEV 2022");
    private static final X500Name GOST2015_INTERMEDIATE_NAME =
            SubjectNames.certificationAuthority("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) DEV 2022");
    private static final X500Name UNKNOWN_CA_NAME = SubjectNames.certificationAuthority("Unknown CA");

    /** A CA that issues end entities, and its own certificate path up to and including its root. */
    private record Ca(Issuer.Authority authority, List<X509Certificate> path) {}

    private final PkiLayout layout;
    private final Instant now;
    private final SecureRandom random = new SecureRandom();
    private final Issuer issuer = new Issuer(random);
    private final char[] password = DevPki.P12_PASSWORD.toCharArray();
    private final Map<X509Certificate, PrivateKey> gostRootKeys = new java.util.HashMap<>();

    DevPkiGenerator(PkiLayout layout, Instant now) {
        this.layout = layout;
        // Certificates carry whole seconds; truncating keeps generated and reloaded values equal.
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    void generate() {
        long started = System.nanoTime();
        List<Plan> plans = IdentityPlans.all();
        int rsaPlans = (int) plans.stream().filter(p -> p.gost() == null).count();
        Iterator<KeyPair> keys = KeyPairs.generate(4 + rsaPlans, random).iterator();

        // CAs are older than what they issue: signatures made (and time-stamped) while an expired
        // end entity was still valid must still find their CA valid at that time.
        Instant caFrom = plusYears(now, -3);
        Instant caTo = plusYears(now, 10);
        Issuer.Authority root = issuer.selfSigned(ROOT_NAME, keys.next(), CertificateProfile.root(), caFrom, caTo);
        KeyPair intermediateKeys = keys.next();
        Issuer.Authority intermediate = new Issuer.Authority(
                issuer.issue(
                        root,
                        INTERMEDIATE_NAME,
                        intermediateKeys.getPublic(),
                        CertificateProfile.intermediate(),
                        caFrom,
                        caTo),
                intermediateKeys.getPrivate());
        Issuer.Authority tlsCa = issuer.selfSigned(TLS_CA_NAME, keys.next(), CertificateProfile.root(), caFrom, caTo);
        Issuer.Authority unknownCa =
                issuer.selfSigned(UNKNOWN_CA_NAME, keys.next(), CertificateProfile.root(), caFrom, caTo);
        Map<Parent, Ca> parents = new EnumMap<>(Parent.class);
        parents.put(Parent.INTERMEDIATE, new Ca(intermediate, List.of(intermediate.certificate(), root.certificate())));
        parents.put(Parent.TLS_CA, new Ca(tlsCa, List.of(tlsCa.certificate())));
        parents.put(Parent.UNKNOWN_CA, new Ca(unknownCa, List.of(unknownCa.certificate())));
        // The national CA's GOST hierarchies, issued the same way as the RSA one.
        Ca gost2004 =
                gostHierarchy(GOST2004_ROOT_NAME, GOST2004_INTERMEDIATE_NAME, GostAlgorithm.GOST2004, caFrom, caTo);
        Ca gost2015 =
                gostHierarchy(GOST2015_ROOT_NAME, GOST2015_INTERMEDIATE_NAME, GostAlgorithm.GOST2015_512, caFrom, caTo);
        parents.put(Parent.GOST2004, gost2004);
        parents.put(Parent.GOST2015, gost2015);

        List<Identity> identities = new ArrayList<>();
        identities.add(writeIdentity(ROOT, Role.CA, null, null, null, root.privateKey(), List.of(root.certificate())));
        identities.add(writeIdentity(
                INTERMEDIATE,
                Role.CA,
                null,
                null,
                null,
                intermediate.privateKey(),
                parents.get(Parent.INTERMEDIATE).path()));
        identities.add(
                writeIdentity(TLS_CA, Role.CA, null, null, null, tlsCa.privateKey(), List.of(tlsCa.certificate())));
        for (Ca gost : List.of(gost2004, gost2015)) {
            boolean is2004 = gost.equals(gost2004);
            X509Certificate gostRoot = gost.path().get(1);
            identities.add(writeIdentity(
                    is2004 ? ROOT_GOST2004 : ROOT_GOST2015,
                    Role.CA,
                    null,
                    null,
                    null,
                    gostRootKeys.get(gostRoot),
                    List.of(gostRoot)));
            identities.add(writeIdentity(
                    is2004 ? INTERMEDIATE_GOST2004 : INTERMEDIATE_GOST2015,
                    Role.CA,
                    null,
                    null,
                    null,
                    gost.authority().privateKey(),
                    gost.path()));
        }

        Map<Parent, List<Issuer.Revocation>> revocationsByCa = new EnumMap<>(Parent.class);
        for (Parent p : Parent.values()) {
            revocationsByCa.put(p, new ArrayList<>());
        }
        for (Plan plan : plans) {
            KeyPair pair = plan.gost() == null ? keys.next() : GostKeys.generate(plan.gost(), random);
            Ca parent = parents.get(plan.parent());
            Instant from = plan.expired() ? plusYears(now, -2) : now.minus(Duration.ofDays(1));
            Instant to = plan.expired() ? plusYears(now, -1) : plusYears(now, 2);
            X509Certificate certificate =
                    issuer.issue(parent.authority(), plan.subject(), pair.getPublic(), plan.profile(), from, to);
            if (plan.revoked()) {
                revocationsByCa
                        .get(plan.parent())
                        .add(new Issuer.Revocation(
                                certificate.getSerialNumber(),
                                now.minus(Duration.ofHours(1)),
                                CRLReason.keyCompromise));
            }
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(parent.path());
            identities.add(writeIdentity(
                    plan.name(), plan.role(), plan.iin(), plan.bin(), plan.system(), pair.getPrivate(), chain));
        }

        Instant thisUpdate = now.minus(Duration.ofHours(1));
        Instant nextUpdate = now.plus(Duration.ofDays(365));
        writeCrl(ROOT, issuer.crl(root, List.of(), BigInteger.ONE, thisUpdate, nextUpdate));
        writeCrl(
                INTERMEDIATE,
                issuer.crl(
                        intermediate,
                        revocationsByCa.get(Parent.INTERMEDIATE),
                        BigInteger.ONE,
                        thisUpdate,
                        nextUpdate));
        for (Parent p : List.of(Parent.GOST2004, Parent.GOST2015)) {
            Ca gost = parents.get(p);
            X509Certificate gostRoot = gost.path().get(1);
            boolean is2004 = p == Parent.GOST2004;
            writeCrl(
                    is2004 ? ROOT_GOST2004 : ROOT_GOST2015,
                    issuer.crl(
                            new Issuer.Authority(gostRoot, gostRootKeys.get(gostRoot)),
                            List.of(),
                            BigInteger.ONE,
                            thisUpdate,
                            nextUpdate));
            writeCrl(
                    is2004 ? INTERMEDIATE_GOST2004 : INTERMEDIATE_GOST2015,
                    issuer.crl(gost.authority(), revocationsByCa.get(p), BigInteger.ONE, thisUpdate, nextUpdate));
        }
        PkiFiles.writePublic(layout.tlsTrust(), PemFiles.certificates(List.of(tlsCa.certificate())));
        PkiFiles.writePublic(layout.unknownCaRoot(), PemFiles.certificates(List.of(unknownCa.certificate())));
        PkiFiles.writePublic(layout.readme(), DevPkiReadme.text());
        IndexFile.write(layout, identities);

        LOG.info(
                "Generated the dev PKI in {}: {} identities in {} ms",
                layout.dir(),
                identities.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Writes certificate, key, chain and PKCS#12 of one identity.
     *
     * @param chain the certificate, then every issuer up to and including the root
     */
    private Identity writeIdentity(
            String name,
            Role role,
            String iin,
            String bin,
            String system,
            PrivateKey key,
            List<X509Certificate> chain) {
        Identity identity = new Identity(
                name,
                role,
                iin,
                bin,
                system,
                algorithmOf(key),
                layout.certificate(role, name),
                layout.key(role, name),
                layout.p12(role, name));
        PkiFiles.writePublic(identity.cert(), PemFiles.certificates(List.of(chain.get(0))));
        PkiFiles.writePublic(layout.chain(role, name), PemFiles.certificates(chain));
        PkiFiles.writeSecret(identity.key(), PemFiles.privateKey(key));
        PkiFiles.writeSecret(identity.p12(), Pkcs12Files.encode(name, key, chain, password));
        return identity;
    }

    /** The index's algorithm label: {@code RSA}, {@code GOST2004}, {@code GOST2015-512} … */
    private static String algorithmOf(PrivateKey key) {
        return key instanceof GostPrivateKey gost ? gost.gostAlgorithm().label() : KeyPairs.ALGORITHM;
    }

    /** A GOST root and an intermediate below it; the root's key is kept for its CRL. */
    private Ca gostHierarchy(
            X500Name rootName, X500Name intermediateName, GostAlgorithm algorithm, Instant from, Instant to) {
        KeyPair rootKeys = GostKeys.generate(algorithm, random);
        Issuer.Authority root = issuer.selfSigned(rootName, rootKeys, CertificateProfile.root(), from, to);
        gostRootKeys.put(root.certificate(), rootKeys.getPrivate());
        KeyPair intermediateKeys = GostKeys.generate(algorithm, random);
        Issuer.Authority intermediate = new Issuer.Authority(
                issuer.issue(
                        root,
                        intermediateName,
                        intermediateKeys.getPublic(),
                        CertificateProfile.intermediate(),
                        from,
                        to),
                intermediateKeys.getPrivate());
        return new Ca(intermediate, List.of(intermediate.certificate(), root.certificate()));
    }

    private void writeCrl(String caName, X509CRL crl) {
        try {
            PkiFiles.writePublic(layout.crlDer(caName), crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL of " + caName, e);
        }
        PkiFiles.writePublic(layout.crlPem(caName), PemFiles.crl(crl));
    }

    private static Instant plusYears(Instant instant, int years) {
        return instant.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }
}
