package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dev PKI's GOST personas through the real gateway: every national algorithm, and the shapes
 * NCALayer hands over (attached, base64, signer certificate without its chain, parallel signers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalAlgorithmsCallTest {
    private static final String PORTAL = "egov-portal";
    private GatewayEnvironment env;
    private CmsSigner cms;

    @BeforeAll
    void start() throws Exception {
        env = new GatewayEnvironment();
        cms = new CmsSigner(env.clock);
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private RequestContent content(String sender, String iin) {
        return RequestBuilder.content(
                sender,
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder().setIin(iin).build(),
                env.clock.instant());
    }

    private static String subjectOf(SignedResponse response) throws Exception {
        return ResponseContent.parseFrom(response.getContent())
                .getBody()
                .unpack(AddressCertificate.class)
                .getSubjectId();
    }

    @Test
    void citizenSignsInEveryNationalAlgorithmAndReceivesTheCertificate() throws Exception {
        String iin = Persona.CLEAN.iin().value();
        for (String signer :
                List.of("aidar-clean", "aidar-clean-gost2004", "aidar-clean-gost2015", "aidar-clean-gost2015-256")) {
            SignedRequest request = env.requests.sign(content(PORTAL, iin), List.of(env.pki.signerKey(signer)));
            assertEquals(iin, subjectOf(env.client(PORTAL).call(request)), signer);
        }
    }

    @Test
    void stateCorporationOperatorSignsWithGostForTheApplicant() throws Exception {
        String iin = Persona.TAX_DEBTOR.iin().value();
        SignedRequest request =
                env.requests.sign(content("hkko", iin), List.of(env.pki.signerKey("hkko-operator-gost2004")));
        assertEquals(iin, subjectOf(env.client("hkko").call(request)));
    }

    @Test
    void attachedBase64GostSignatureWithoutChainCarriesTheContent() throws Exception {
        String iin = Persona.CLEAN.iin().value();
        byte[] bytes = content(PORTAL, iin).toByteArray();
        byte[] attached = cms.signWithoutChain(bytes, List.of(env.pki.signerKey("aidar-clean-gost2015")), true);
        String base64 = Base64.getMimeEncoder().encodeToString(attached);
        SignedRequest withoutContent = SignedRequest.newBuilder()
                .setSignature(ByteString.copyFrom(base64, StandardCharsets.US_ASCII))
                .build();
        assertEquals(iin, subjectOf(env.client(PORTAL).call(withoutContent)));
    }

    @Test
    void parallelRsaAndGostSignersAreEachVerified() throws Exception {
        String iin = Persona.CLEAN.iin().value();
        SignedRequest request = env.requests.sign(
                content(PORTAL, iin),
                List.of(
                        env.pki.signerKey("aidar-clean-gost2004"),
                        env.pki.signerKey(Persona.TAX_DEBTOR.key() + "-gost2015")));
        assertEquals(iin, subjectOf(env.client(PORTAL).call(request)));
    }

    @Test
    void refusesRevokedGostCertificateFromTheGostSignedCrl() {
        SignedRequest request = env.requests.sign(
                content(PORTAL, Persona.CLEAN.iin().value()), List.of(env.pki.signerKey("test-revoked-gost2015")));
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "CERT_REVOKED",
                () -> env.client(PORTAL).call(request));
    }

    @Test
    void refusesTamperedAttachedGostSignature() {
        byte[] bytes = content(PORTAL, Persona.CLEAN.iin().value()).toByteArray();
        byte[] attached = cms.signAttached(bytes, List.of(env.pki.signerKey("aidar-clean-gost2015")));
        byte[] other = content(PORTAL, Persona.WANTED.iin().value()).toByteArray();
        SignedRequest swapped = SignedRequest.newBuilder()
                .setContent(ByteString.copyFrom(other))
                .setSignature(ByteString.copyFrom(attached))
                .build();
        assertRefused(
                Status.Code.UNAUTHENTICATED,
                "SIGNATURE_INVALID",
                () -> env.client(PORTAL).call(swapped));
    }

    @Test
    void gatewayTimeStampsItsOwnSignatureOnTheAnswerUnderTheNationalTsaPolicy() {
        String iin = Persona.CLEAN.iin().value();
        SignedResponse response = env.client(PORTAL)
                .call(env.requests.sign(content(PORTAL, iin), List.of(env.pki.signerKey("aidar-clean-gost2015"))));
        var verifier = new kz.shlyuz.gateway.signature.SignatureVerifier(
                kz.shlyuz.gateway.TestPki.trust(), env.clock, java.time.Duration.ofMinutes(5));
        var signers = verifier.verify(
                response.getContent().toByteArray(), response.getSignature().toByteArray());
        String gatewayBin =
                kz.shlyuz.certs.identity.Organisation.GATEWAY_OPERATOR.bin().value();
        for (var signer : signers) {
            if (gatewayBin.equals(signer.holder().bin())) {
                org.junit.jupiter.api.Assertions.assertTrue(
                        signer.timeStamp().contains("1.2.398.3.3.2.6.2"), signer.timeStamp());
            } else {
                assertEquals("", signer.timeStamp(), "agencies do not stamp");
            }
        }
        assertEquals(3, signers.size());
    }
}
