package kz.shlyuz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.proto.seal.MerkleTree;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.MerkleStep;
import kz.shlyuz.proto.v1.SealManifest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.Selector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A front end verifies the gateway's batch seal with its own CMS verifier (here BouncyCastle's,
 * against the certificate in the CMS): a seal over a real Merkle tree and a real detached CMS,
 * built as the gateway builds them, at fixed instants.
 */
class AnswerSealsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] SALT = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
    private static SignerKey gatewayKey;

    /** The front end's own check: each SignerInfo verified against its certificate in the CMS. */
    private static final AnswerSeals.SignatureCheck<String> BOUNCY_CASTLE = (content, signature) -> {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            List<String> signers = new ArrayList<>();
            for (SignerInformation info : cms.getSignerInfos()) {
                @SuppressWarnings("unchecked")
                Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) (Selector<?>) info.getSID();
                X509CertificateHolder certificate =
                        cms.getCertificates().getMatches(sid).iterator().next();
                if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    throw new IllegalStateException("signature does not verify");
                }
                signers.add(certificate.getSubject().toString());
            }
            return signers;
        } catch (Exception e) {
            throw new IllegalStateException("not a valid signature: " + e.getMessage(), e);
        }
    };

    @BeforeAll
    static void gatewaySigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=gateway seal test, O=Shlyuz");
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(NOW.minusSeconds(3600)),
                        Date.from(NOW.plusSeconds(86_400)),
                        name,
                        pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        gatewayKey = new SignerKey(pair.getPrivate(), certificate);
    }

    private static byte[] answer(int i) {
        return ("answer " + i).getBytes(StandardCharsets.UTF_8);
    }

    /** Answer {@code index} of {@code count}, sealed as the gateway seals a batch. */
    private static SignedResponse sealed(int index, int count, String hashAlgorithm) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(SALT, answer(i)));
        }
        MerkleTree tree = MerkleTree.over(leaves);
        byte[] manifest = SealManifest.newBuilder()
                .setSealId("seal-1")
                .setHashAlgorithm(hashAlgorithm)
                .setLeafCount(count)
                .setRoot(ByteString.copyFrom(tree.root()))
                .build()
                .toByteArray();
        AnswerSeal.Builder seal = AnswerSeal.newBuilder()
                .setManifest(ByteString.copyFrom(manifest))
                .setManifestSignature(ByteString.copyFrom(
                        new CmsSigner(Clock.fixed(NOW, ZoneOffset.UTC)).signDetached(manifest, gatewayKey)))
                .setLeafSalt(ByteString.copyFrom(SALT));
        for (MerkleTree.Step step : tree.path(index)) {
            seal.addPath(MerkleStep.newBuilder().setSibling(step.sibling()).setSiblingOnLeft(step.siblingOnLeft()));
        }
        return SignedResponse.newBuilder()
                .setContent(ByteString.copyFrom(answer(index)))
                .setGatewaySeal(seal)
                .build();
    }

    @Test
    void acceptsAnAnswerTheSealCoversAndNamesTheGatewayAsItsSigner() {
        AnswerSeals.VerifiedSeal<String> seal =
                AnswerSeals.verify(sealed(3, 5, MerkleTree.HASH_ALGORITHM), BOUNCY_CASTLE);
        assertEquals("CN=gateway seal test,O=Shlyuz", seal.gateway());
        assertEquals(5, seal.manifest().getLeafCount());
        assertEquals("seal-1", seal.manifest().getSealId());
    }

    @Test
    void refusesAnAnswerTheSealDoesNotCover() {
        SignedResponse sealed = sealed(3, 5, MerkleTree.HASH_ALGORITHM);
        SignedResponse other =
                sealed.toBuilder().setContent(ByteString.copyFrom(answer(4))).build();
        SealRejected rejected = assertThrows(SealRejected.class, () -> AnswerSeals.verify(other, BOUNCY_CASTLE));
        assertEquals(SealRejected.Problem.SIGNATURE_INVALID, rejected.problem());
        assertEquals("the answer is not among those the seal covers", rejected.detail());
    }

    @Test
    void refusesAnAnswerWithoutASeal() {
        SignedResponse unsealed = SignedResponse.newBuilder()
                .setContent(ByteString.copyFrom(answer(1)))
                .build();
        SealRejected rejected = assertThrows(SealRejected.class, () -> AnswerSeals.verify(unsealed, BOUNCY_CASTLE));
        assertEquals(SealRejected.Problem.SIGNATURE_MISSING, rejected.problem());
    }

    @Test
    void refusesATreeHashItDoesNotKnow() {
        SealRejected rejected =
                assertThrows(SealRejected.class, () -> AnswerSeals.verify(sealed(0, 2, "SHA-1"), BOUNCY_CASTLE));
        assertEquals(SealRejected.Problem.ALGORITHM_UNSUPPORTED, rejected.problem());
        assertEquals("SHA-1", rejected.detail());
    }

    @Test
    void passesTheVerifiersOwnRefusalOfAChangedManifestThrough() {
        SignedResponse sealed = sealed(1, 3, MerkleTree.HASH_ALGORITHM);
        AnswerSeal changed = sealed.getGatewaySeal().toBuilder()
                .setManifest(sealed.getGatewaySeal().getManifest().concat(ByteString.copyFromUtf8(" ")))
                .build();
        SignedResponse tampered = sealed.toBuilder().setGatewaySeal(changed).build();
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> AnswerSeals.verify(tampered, BOUNCY_CASTLE));
        // BouncyCastle's own words: the manifest's digest no longer matches the signed one.
        assertEquals(
                "not a valid signature: message-digest attribute value does not match calculated value",
                refused.getMessage());
    }
}
