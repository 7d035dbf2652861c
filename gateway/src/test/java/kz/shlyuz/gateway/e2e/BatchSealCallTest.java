package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.seal.AnswerSeals;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The batch-seal answer form through mutual TLS: asked for by header, allowed per sender. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchSealCallTest {
    private GatewayEnvironment env;
    private SignatureVerifier verifier;

    @BeforeAll
    void start() throws Exception {
        // hkko keeps the default: countersigned answers only.
        env = new GatewayEnvironment(
                Set.of("gbd-fl"),
                c -> c.withSender(
                        "hkko",
                        new SenderPolicy(
                                c.sender("hkko").orElseThrow().services(),
                                c.sender("hkko").orElseThrow().operatorBins())));
        verifier = new SignatureVerifier(
                new TrustMaterial(env.pki.signingTrustAnchors(), env.pki.signingIntermediates(), env.pki.crls()),
                env.clock,
                Duration.ofMinutes(5));
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private SignedRequest addressRequest(String sender, String signer) {
        AddressCertificateRequest body = AddressCertificateRequest.newBuilder()
                .setIin(Persona.CLEAN.iin().value())
                .build();
        RequestContent content = RequestBuilder.content(sender, "ADDRESS_CERTIFICATE", body, env.clock.instant());
        return env.requests.sign(content, List.of(env.pki.signerKey(signer)));
    }

    @Test
    void sealedAnswerCarriesTheAgencySignaturesAndAGatewaySealOverIt() throws Exception {
        SignedResponse response = env.client("egov-portal")
                .call(addressRequest("egov-portal", Persona.CLEAN.key()), AnswerForm.BATCH_SEAL);

        AddressCertificate certificate =
                ResponseContent.parseFrom(response.getContent()).getBody().unpack(AddressCertificate.class);
        assertEquals(Persona.CLEAN.iin().value(), certificate.getSubjectId());
        // The answer's CMS holds the agency's signers only; the gateway's signature is the seal.
        Set<String> cmsSigners =
                verifier
                        .verify(
                                response.getContent().toByteArray(),
                                response.getSignature().toByteArray())
                        .stream()
                        .map(s -> s.holder().bin())
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        Organisation.INTERNAL_AFFAIRS.bin().value(),
                        Organisation.JUSTICE.bin().value()),
                cmsSigners);
        AnswerSeals.VerifiedSeal seal = AnswerSeals.verify(response, verifier);
        assertEquals(
                Organisation.GATEWAY_OPERATOR.bin().value(),
                seal.gateway().holder().bin());
        assertFalse(seal.gateway().timeStamp().isEmpty(), "the gateway time-stamps what it signs");
        assertEquals("SHA-256", seal.manifest().getHashAlgorithm());

        SignedResponse tampered = response.toBuilder()
                .setContent(ByteString.copyFrom(response.getContent()
                        .concat(ByteString.copyFromUtf8(" "))
                        .toByteArray()))
                .build();
        Refusal refusal = assertThrows(Refusal.class, () -> AnswerSeals.verify(tampered, verifier));
        assertEquals(Reason.SIGNATURE_INVALID, refusal.reason());
    }

    @Test
    void retryOfASealedCallReturnsTheRecordedSealedAnswer() {
        SignedRequest request = addressRequest("egov-portal", Persona.CLEAN.key());
        SignedResponse first = env.client("egov-portal").call(request, AnswerForm.BATCH_SEAL);
        SignedResponse second = env.client("egov-portal").call(request, AnswerForm.BATCH_SEAL);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }

    @Test
    void withoutTheHeaderTheAnswerIsCountersignedAsBefore() {
        SignedResponse response = env.client("egov-portal").call(addressRequest("egov-portal", Persona.CLEAN.key()));
        assertFalse(response.hasGatewaySeal());
        Set<String> signers =
                verifier
                        .verify(
                                response.getContent().toByteArray(),
                                response.getSignature().toByteArray())
                        .stream()
                        .map(s -> s.holder().bin())
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        Organisation.INTERNAL_AFFAIRS.bin().value(),
                        Organisation.JUSTICE.bin().value(),
                        Organisation.GATEWAY_OPERATOR.bin().value()),
                signers);
    }

    @Test
    void aSenderWhosePolicyDoesNotAllowTheSealIsRefused() {
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                Reason.ANSWER_FORM_NOT_ALLOWED.name(),
                () -> env.client("hkko").call(addressRequest("hkko", "hkko-operator"), AnswerForm.BATCH_SEAL));
    }

    @Test
    void anUnknownAnswerFormIsRefusedAndNamed() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of(AnswerForm.HEADER, Metadata.ASCII_STRING_MARSHALLER), "xml-dsig");
        var refused = assertRefused(
                Status.Code.PERMISSION_DENIED,
                Reason.ANSWER_FORM_NOT_ALLOWED.name(),
                () -> GatewayGrpc.newBlockingStub(env.client("egov-portal").channel())
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .call(addressRequest("egov-portal", Persona.CLEAN.key())));
        assertEquals(true, refused.russian().contains("xml-dsig"), refused.russian());
    }
}
