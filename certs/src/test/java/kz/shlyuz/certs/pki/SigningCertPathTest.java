package kz.shlyuz.certs.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.agency.Signatory;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.Test;

/** The signing hierarchy as the gateway will check it: JDK PKIX, revocation on, CRLs from the PKI. */
class SigningCertPathTest {
    private static final Set<Role> SIGNING_ROLES = Set.of(Role.CITIZEN, Role.OPERATOR, Role.OFFICER, Role.AGENCY);

    private final DevPki pki = TestPki.shared();

    @Test
    void everySigningAndAuthenticationIdentityValidatesToItsRsaOrGostRootWithCrlsOn() {
        List<Identity> checked = pki.identities().stream()
                .filter(i -> SIGNING_ROLES.contains(i.role()))
                .toList();

        for (Identity identity : checked) {
            assertDoesNotThrow(() -> validate(pki.chain(identity)), identity.name());
        }
        // RSA: 8 personas signing + auth, 2 employees, the agencies' signers (each signatory, the
        // gateway's own, one per agency); GOST: 10 people in 2004 and 2015-512, one 2015-256.
        int agencySigners = Signatory.values().length + 1 + Agency.values().length;
        assertEquals(2 * 8 + 2 + agencySigners + 2 * 10 + 1, checked.size());
        assertEquals(
                Set.of("RSA", "GOST2004", "GOST2015-512", "GOST2015-256"),
                checked.stream().map(Identity::algorithm).collect(Collectors.toSet()));
    }

    @Test
    void revokedGostCertificateFailsAsRevokedOnTheGostSignedCrl() {
        CertPathValidatorException e = assertThrows(
                CertPathValidatorException.class, () -> validate(pki.chain(pki.identity("test-revoked-gost2015"))));

        assertEquals(BasicReason.REVOKED, e.getReason());
        assertEquals(
                "1.2.398.3.10.1.1.2.3.2",
                crlOf(pki.signingIntermediates().get(2)).getSigAlgOID());
    }

    @Test
    void revokedCertificateFailsAsRevokedForKeyCompromise() {
        Identity revoked = pki.identity("test-revoked");

        CertPathValidatorException e =
                assertThrows(CertPathValidatorException.class, () -> validate(pki.chain(revoked)));

        assertEquals(BasicReason.REVOKED, e.getReason());
        X509CRL crl = crlOf(pki.signingIntermediates().get(0));
        X509CRLEntry entry = crl.getRevokedCertificate(pki.certificate(revoked).getSerialNumber());
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
    }

    @Test
    void expiredCertificateFailsAsExpired() {
        CertPathValidatorException e =
                assertThrows(CertPathValidatorException.class, () -> validate(pki.chain(pki.identity("test-expired"))));

        assertEquals(BasicReason.EXPIRED, e.getReason());
    }

    @Test
    void certificateFromAnUnknownCaDoesNotChainToTheRoot() {
        CertPathValidatorException e = assertThrows(
                CertPathValidatorException.class, () -> validate(pki.chain(pki.identity("test-unknown-ca"))));

        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("trust anchor"), e.getMessage());
    }

    @Test
    void systemTlsCertificatesAreNotTrustedForSignatures() {
        assertThrows(CertPathValidatorException.class, () -> validate(pki.chain(pki.system("egov-portal"))));
    }

    @Test
    void crlsHaveNumbersAuthorityKeyIdentifiersAndAYearOfValidity() {
        for (X509CRL crl : pki.crls()) {
            assertEquals(BigInteger.ONE, crlNumber(crl));
            assertNotNull(crl.getExtensionValue("2.5.29.35"), "authority key identifier");
            assertTrue(crl.getNextUpdate().toInstant().isAfter(TestPki.NOW.plusSeconds(364L * 24 * 3600)));
            assertTrue(crl.getThisUpdate().toInstant().isBefore(TestPki.NOW));
        }
        assertEquals(
                Set.of("test-revoked", "test-revoked-gost2015"),
                pki.identities().stream()
                        .filter(i -> pki.crls().stream().anyMatch(c -> c.isRevoked(pki.certificate(i))))
                        .map(Identity::name)
                        .collect(Collectors.toSet()));
    }

    private void validate(List<X509Certificate> chain) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(chain);
        PKIXParameters parameters = new PKIXParameters(pki.signingTrustAnchors().stream()
                .map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toSet()));
        parameters.setRevocationEnabled(true);
        List<Object> store = new ArrayList<>(pki.crls());
        store.addAll(pki.signingIntermediates());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
        parameters.setDate(Date.from(TestPki.NOW));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private X509CRL crlOf(X509Certificate issuer) {
        return pki.crls().stream()
                .filter(c -> c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .findFirst()
                .orElseThrow();
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue("2.5.29.20");
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                .getValue();
    }
}
