package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.testing.NcaTestMaterial;
import kz.shlyuz.gateway.TestPki;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

/**
 * The lean reading of a CMS: what our signers, NCALayer and Kalkan send is read as DER directly
 * (no BouncyCastle parse, no re-encoding), and what it hashes is byte for byte what
 * BouncyCastle's SignerInformation hashed.
 */
class SignedCmsTest {
    private static final byte[] CONTENT = "заявление".getBytes(StandardCharsets.UTF_8);
    private final DevPki pki = TestPki.get();

    @Test
    void ourDetachedRsaAndGostSignaturesAreReadAsDerWithTheirSignedAttributesAsReceived() throws Exception {
        for (String key : List.of(
                Persona.CLEAN.key(),
                Persona.CLEAN.key() + DevPki.GOST2015_SUFFIX,
                Persona.CLEAN.key() + DevPki.GOST2004_SUFFIX)) {
            SignerKey signer = pki.signerKey(key);
            byte[] der = new CmsSigner(Clock.systemUTC()).signDetached(CONTENT, List.of(signer));
            assertReadDirectlyAsBouncyCastleReadsIt(der, CONTENT);
        }
    }

    @Test
    void kalkanSignaturesAreReadAsDerWithTheirSignedAttributesAsReceived() throws Exception {
        for (String file : List.of("cms/kalkan_individual_rsa.cms", "cms/kalkan_legal_gost2004.cms")) {
            byte[] der = CmsEncoding.der(NcaTestMaterial.bytes(file));
            SignedCms cms = SignedCms.read(der);
            assertTrue(cms.attached(), file);
            assertReadDirectlyAsBouncyCastleReadsIt(der, cms.encapsulated());
        }
    }

    @Test
    void indefiniteLengthsAreNotDerAndGoToBouncyCastle() {
        byte[] ber = {0x30, (byte) 0x80, 0x06, 0x01, 0x00, 0x00, 0x00};
        assertThrows(Der.NotDer.class, () -> Der.read(ber));
        byte[] longFormForAShortLength = {0x04, (byte) 0x81, 0x01, 0x00};
        assertThrows(Der.NotDer.class, () -> Der.read(longFormForAShortLength));
        byte[] pastTheEnd = {0x04, 0x05, 0x00};
        assertThrows(Der.NotDer.class, () -> Der.read(pastTheEnd));
    }

    private static void assertReadDirectlyAsBouncyCastleReadsIt(byte[] der, byte[] content) throws Exception {
        SignedCms cms = SignedCms.read(der);
        SignerInformation expected = new CMSSignedData(new CMSProcessableByteArray(content), der)
                .getSignerInfos()
                .getSigners()
                .iterator()
                .next();
        assertEquals(1, cms.signers().size());
        SignedCms.Signer signer = cms.signers().get(0);
        Attributes signed = Attributes.read(signer.signedAttributes());
        assertTrue(Attributes.canonical(signer.signedAttributes(), true), "signed attributes arrived in DER");
        assertArrayEquals(expected.getEncodedSignedAttributes(), signed.derEncoding());
        assertArrayEquals(expected.getSignature(), signer.signature().value());
        assertEquals(expected.getDigestAlgOID(), signer.digestOid());
        assertEquals(expected.getEncryptionAlgOID(), signer.signatureOid());
        assertEquals(
                org.bouncycastle.asn1.cms.Time.getInstance(expected.getSignedAttributes()
                                .get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)
                                .getAttrValues()
                                .getObjectAt(0))
                        .getDate()
                        .toInstant(),
                SigningTimes.read(
                        Attributes.valuesOf(signed.first(Oids.SIGNING_TIME)).get(0)));
    }
}
