package kz.shlyuz.certs.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.agency.Signatory;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {
    private final DevPki pki = TestPki.shared();

    @Test
    void reloadsFromDiskExactlyAsGenerated() {
        DevPki reloaded = DevPki.load(pki.dir());

        assertEquals(pki.identities(), reloaded.identities());
        for (Identity identity : pki.identities()) {
            assertEquals(pki.certificate(identity), reloaded.certificate(identity), identity.name());
            assertArrayEquals(
                    pki.privateKey(identity).getEncoded(),
                    reloaded.privateKey(identity).getEncoded(),
                    identity.name());
            assertEquals(pki.chain(identity), reloaded.chain(identity), identity.name());
        }
        assertEquals(pki.crls(), reloaded.crls());
    }

    @Test
    void loadOrCreateLoadsAnExistingPkiInsteadOfRegenerating() {
        DevPki loaded = DevPki.loadOrCreate(pki.dir());

        Identity root = loaded.identity("root-rsa");
        assertEquals(pki.certificate(pki.identity("root-rsa")), loaded.certificate(root));
    }

    @Test
    void concurrentLoadOrCreateGeneratesOnceWhenTheIndexIsMissing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("pki");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<DevPki> first = executor.submit(() -> DevPki.loadOrCreate(target));
            Future<DevPki> second = executor.submit(() -> DevPki.loadOrCreate(target));
            DevPki a = first.get(60, TimeUnit.SECONDS);
            DevPki b = second.get(60, TimeUnit.SECONDS);

            assertTrue(Files.isRegularFile(target.resolve("index.json")));
            assertEquals(pki.identities().size(), a.identities().size());
            assertEquals(
                    a.certificate(a.identity("root-rsa")),
                    b.certificate(b.identity("root-rsa")),
                    "both callers see the one generated PKI");
            assertNotEquals(
                    pki.certificate(pki.identity("root-rsa")), a.certificate(a.identity("root-rsa")), "fresh keys");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void indexJsonHasTheFixedShapeWithRelativePathsAndEveryRole() throws Exception {
        JsonNode index =
                new ObjectMapper().readTree(pki.dir().resolve("index.json").toFile());

        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> names = new HashSet<>();
        for (JsonNode node : index.get("identities")) {
            roles.add(Role.ofJson(node.get("role").asText()));
            assertTrue(names.add(node.get("name").asText()), "unique name " + node.get("name"));
            String name = node.get("name").asText();
            String algorithm = name.endsWith("-gost2004")
                    ? "GOST2004"
                    : name.endsWith("-gost2015")
                            ? "GOST2015-512"
                            : name.endsWith("-gost2015-256") ? "GOST2015-256" : "RSA";
            assertEquals(algorithm, node.get("algorithm").asText(), name);
            for (String field : List.of("cert", "key", "p12")) {
                String path = node.get(field).asText();
                assertFalse(Path.of(path).isAbsolute(), path);
                assertTrue(Files.isRegularFile(pki.dir().resolve(path)), path);
            }
            node.fieldNames()
                    .forEachRemaining(field -> assertTrue(
                            Set.of("name", "role", "iin", "bin", "system", "algorithm", "cert", "key", "p12")
                                    .contains(field),
                            field));
            node.fields().forEachRemaining(e -> assertFalse(e.getValue().isNull(), "absent fields are omitted"));
        }
        assertEquals(EnumSet.allOf(Role.class), roles);
        // + 4 GOST CAs, GOST 2004 and 2015 identities for every persona and both employees, one
        // GOST 2015-256 identity and a revoked GOST one.
        assertEquals(
                3
                        + 2 * Persona.values().length
                        + 2
                        + Signatory.values().length
                        + 1
                        + Agency.values().length
                        + DevPki.SYSTEMS.size()
                        + 3
                        + 4
                        + 2 * (Persona.values().length + 2)
                        + 1
                        + 1,
                names.size());
    }

    @Test
    void findsAPersonsSigningIdentityByIin() {
        Identity clean = pki.identity(Persona.CLEAN.iin().value());

        assertEquals("aidar-clean", clean.name());
        assertEquals(Role.CITIZEN, clean.role());
        assertEquals(
                "hkko-operator",
                pki.identity(Employee.HKKO_OPERATOR.iin().value()).name());
        assertEquals(
                "consular-officer",
                pki.identity(Employee.CONSULAR_OFFICER.iin().value()).name());
    }

    @Test
    void unknownNameFailsListingKnownNamesWithoutShowingTheIin() {
        String unknownIin = "000101300007";
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> pki.identity(unknownIin));

        assertTrue(e.getMessage().contains("aidar-clean"), e.getMessage());
        assertFalse(e.getMessage().contains(unknownIin), e.getMessage());
        assertTrue(e.getMessage().contains(Iin.mask(unknownIin)), e.getMessage());
    }

    @Test
    void citizenCertificatesCarryTheNationalCaSubjectAndAreSigningOrAuthentication() {
        Persona persona = Persona.TAX_DEBTOR;
        X509Certificate signing = pki.certificate(pki.identity(persona.key()));
        X509Certificate auth = pki.certificate(pki.identity(persona.key() + DevPki.AUTH_SUFFIX));

        assertEquals(
                "CN=" + persona.surname() + " " + persona.givenName() + ",SURNAME=" + persona.surname()
                        + ",SERIALNUMBER=IIN" + persona.iin().value() + ",C=KZ,GIVENNAME=" + persona.patronymic(),
                X500Name.getInstance(signing.getSubjectX500Principal().getEncoded())
                        .toString());
        CertificateHolder signer = CertificateHolder.of(signing);
        assertEquals(persona.iin().value(), signer.iin());
        assertEquals(HolderRole.INDIVIDUAL, signer.role());
        assertTrue(signer.signingCertificate());
        assertFalse(signer.authenticationCertificate());
        CertificateHolder authenticator = CertificateHolder.of(auth);
        assertFalse(authenticator.signingCertificate());
        assertTrue(authenticator.authenticationCertificate());
        assertNotEquals(signing.getPublicKey(), auth.getPublicKey(), "separate key pairs");
    }

    @Test
    void operatorAndAgenciesCarryTheirOrganisationsBin() {
        Identity operator = pki.identity("hkko-operator");
        CertificateHolder operatorHolder = CertificateHolder.of(pki.certificate(operator));
        assertEquals(Organisation.STATE_CORPORATION.bin().value(), operator.bin());
        assertEquals(Organisation.STATE_CORPORATION.bin().value(), operatorHolder.bin());
        assertEquals(Employee.HKKO_OPERATOR.iin().value(), operatorHolder.iin());
        assertEquals(Organisation.STATE_CORPORATION.title(), operatorHolder.organisation());
        assertEquals(HolderRole.LEGAL_EMPLOYEE, operatorHolder.role());
        assertEquals("hkko", operator.system());
        assertEquals("burkit", pki.identity("consular-officer").system());

        CertificateHolder gateway = CertificateHolder.of(pki.certificate(pki.identity("agency-gateway")));
        assertEquals(Organisation.GATEWAY_OPERATOR.bin().value(), gateway.bin());
        assertEquals(HolderRole.LEGAL_SIGNING_RIGHT, gateway.role());
        assertTrue(gateway.signingCertificate());
        for (String adapter : DevPki.ADAPTERS) {
            assertEquals(adapter, pki.identity("agency-" + adapter).system());
        }
    }

    @Test
    void everySystemHasATlsIdentityIssuedByTheTlsCaNotTheSigningHierarchy() throws Exception {
        X509Certificate tlsCa = pki.certificate(pki.identity("tls-ca"));
        for (String system : DevPki.SYSTEMS) {
            Identity identity = pki.system(system);
            X509Certificate certificate = pki.certificate(identity);

            assertEquals("tls-" + system, identity.name());
            assertEquals(
                    "CN=" + system + ",O=Shlyuz dev",
                    certificate.getSubjectX500Principal().getName());
            certificate.verify(tlsCa.getPublicKey());
            assertTrue(
                    certificate.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
            List<String> altNames = new ArrayList<>();
            certificate.getSubjectAlternativeNames().forEach(n -> altNames.add(String.valueOf(n.get(1))));
            assertEquals(List.of("localhost", system, "127.0.0.1"), altNames);

            CertificateHolder holder = CertificateHolder.of(certificate);
            assertFalse(holder.signingCertificate(), system);
            assertEquals(HolderRole.UNKNOWN, holder.role());

            List<X509Certificate> chainFile = PemFiles.readCertificates(pki.tlsCertChainPem(system));
            assertEquals(List.of(certificate, tlsCa), chainFile);
            PrivateKey key = PemFiles.readPrivateKey(pki.tlsKeyPem(system));
            assertEquals(pki.privateKey(identity), key);
        }
        assertEquals(List.of(tlsCa), PemFiles.readCertificates(pki.tlsTrustPem()));
        assertThrows(NoSuchElementException.class, () -> pki.system("aidar-clean"));
    }

    @Test
    void chainsStartAtTheCertificateAndStopBelowTheRoot() {
        X509Certificate intermediate = pki.certificate(pki.identity("intermediate-rsa"));
        Identity clean = pki.identity("aidar-clean");

        assertEquals(List.of(pki.certificate(clean), intermediate), pki.chain(clean));
        assertEquals(
                List.of(
                        intermediate,
                        pki.certificate(pki.identity("intermediate-gost2004")),
                        pki.certificate(pki.identity("intermediate-gost2015"))),
                pki.signingIntermediates());
        Identity gost = pki.identity("aidar-clean-gost2015");
        assertEquals(
                List.of(pki.certificate(gost), pki.certificate(pki.identity("intermediate-gost2015"))),
                pki.chain(gost));
        assertEquals(
                List.of(pki.certificate(pki.identity("test-unknown-ca"))), pki.chain(pki.identity("test-unknown-ca")));
        assertEquals(List.of(pki.certificate(pki.system("gateway"))), pki.chain(pki.system("gateway")));
        assertEquals(List.of(intermediate), pki.signerKey("aidar-clean").chain());
    }

    @Test
    void testIdentitiesAreTheCleanCitizenWithOneDefect() throws Exception {
        X509Certificate clean = pki.certificate(pki.identity("aidar-clean"));
        for (String name : List.of("test-revoked", "test-expired", "test-unknown-ca")) {
            Identity identity = pki.identity(name);
            X509Certificate certificate = pki.certificate(identity);

            assertEquals(Role.TEST, identity.role());
            assertEquals(Persona.CLEAN.iin().value(), identity.iin());
            assertEquals(clean.getSubjectX500Principal(), certificate.getSubjectX500Principal(), name);
            assertEquals(clean.getKeyUsage().length, certificate.getKeyUsage().length);
            assertEquals(clean.getExtendedKeyUsage(), certificate.getExtendedKeyUsage(), name);
        }
        X509Certificate unknownRoot = PemFiles.readCertificate(pki.dir().resolve("test/unknown-ca-root.pem"));
        pki.certificate(pki.identity("test-unknown-ca")).verify(unknownRoot.getPublicKey());
        assertTrue(pki.identities().stream().noneMatch(i -> i.cert().endsWith("unknown-ca-root.pem")));
        assertTrue(pki.certificate(pki.identity("test-expired"))
                .getNotAfter()
                .toInstant()
                .isBefore(TestPki.NOW));
    }

    @Test
    void pkcs12FilesOpenWithChangeitInTheJdkAndHoldKeyAndChain() throws Exception {
        Identity identity = pki.identity("agency-gbd-fl");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(identity.p12())) {
            store.load(in, DevPki.P12_PASSWORD.toCharArray());
        }
        String alias = store.aliases().nextElement();

        assertEquals("agency-gbd-fl", alias);
        assertEquals(pki.privateKey(identity), store.getKey(alias, DevPki.P12_PASSWORD.toCharArray()));
        Certificate[] chain = store.getCertificateChain(alias);
        assertEquals(
                List.of(
                        pki.certificate(identity),
                        pki.signingIntermediates().get(0),
                        pki.signingTrustAnchors().get(0)),
                List.of(chain));
    }

    @Test
    void privateKeysAreReadableOnlyByTheOwner() throws Exception {
        Identity identity = pki.identity("aidar-clean");
        if (!Files.getFileStore(identity.key()).supportsFileAttributeView("posix")) {
            return;
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.key())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.p12())));
    }

    @Test
    void validityFollowsTheGenerationInstant() {
        X509Certificate root = pki.signingTrustAnchors().get(0);
        X509Certificate leaf = pki.certificate(pki.identity("aidar-clean"));
        Instant now = TestPki.NOW;

        assertTrue(root.getNotBefore().toInstant().isBefore(now));
        assertTrue(root.getNotAfter().toInstant().isAfter(now.plusSeconds(9L * 365 * 24 * 3600)));
        assertTrue(leaf.getNotBefore().toInstant().isBefore(now));
        assertTrue(leaf.getNotAfter().toInstant().isAfter(now.plusSeconds(365L * 24 * 3600)));
        assertTrue(leaf.getNotAfter().toInstant().isBefore(now.plusSeconds(3L * 365 * 24 * 3600)));
        assertEquals(1, leaf.getSerialNumber().signum());
        assertEquals(128, leaf.getSerialNumber().bitLength());
    }

    @Test
    void writesAReadmeThatSaysItIsForDevelopmentOnly() throws Exception {
        String readme = Files.readString(pki.dir().resolve("README.txt"));

        assertTrue(readme.contains("DEVELOPMENT AND TESTS ONLY"));
        assertTrue(readme.contains("changeit"));
    }
}
