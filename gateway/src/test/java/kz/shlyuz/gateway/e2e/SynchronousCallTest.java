package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerifiedSigner;
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

/** The address certificate (004 annex 5) end to end through mutual TLS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynchronousCallTest {
    private GatewayEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new GatewayEnvironment();
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private SignedRequest addressRequest(String sender, String iin, String bin, String... signers) {
        AddressCertificateRequest body = AddressCertificateRequest.newBuilder()
                .setIin(iin == null ? "" : iin)
                .setBin(bin == null ? "" : bin)
                .build();
        RequestContent content = RequestBuilder.content(sender, "ADDRESS_CERTIFICATE", body, env.clock.instant());
        return env.requests.sign(
                content, List.of(signers).stream().map(env.pki::signerKey).toList());
    }

    private List<VerifiedSigner> verify(SignedResponse response) {
        SignatureVerifier verifier = new SignatureVerifier(
                new TrustMaterial(env.pki.signingTrustAnchors(), env.pki.signingIntermediates(), env.pki.crls()),
                env.clock,
                Duration.ofMinutes(5));
        return verifier.verify(
                response.getContent().toByteArray(), response.getSignature().toByteArray());
    }

    @Test
    void citizenReceivesAddressCertificateSignedByInternalAffairsJusticeAndGateway() throws Exception {
        String iin = Persona.CLEAN.iin().value();
        SignedResponse response =
                env.client("egov-portal").call(addressRequest("egov-portal", iin, null, Persona.CLEAN.key()));

        ResponseContent content = ResponseContent.parseFrom(response.getContent());
        AddressCertificate certificate = content.getBody().unpack(AddressCertificate.class);
        assertEquals("ADDRESS_CERTIFICATE", content.getServiceId());
        assertEquals(iin, certificate.getSubjectId());
        assertEquals(Persona.CLEAN.surname(), certificate.getName().getSurname());
        assertEquals("gbd-fl", certificate.getRegister());
        assertFalse(certificate.getAddress().getLocality().isEmpty());

        Set<String> signerBins =
                verify(response).stream().map(s -> s.holder().bin()).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        Organisation.INTERNAL_AFFAIRS.bin().value(),
                        Organisation.JUSTICE.bin().value(),
                        Organisation.GATEWAY_OPERATOR.bin().value()),
                signerBins);
    }

    @Test
    void stateCorporationOperatorMaySignForTheApplicant() throws Exception {
        String iin = Persona.TAX_DEBTOR.iin().value();
        SignedResponse response = env.client("hkko").call(addressRequest("hkko", iin, null, "hkko-operator"));
        AddressCertificate certificate =
                ResponseContent.parseFrom(response.getContent()).getBody().unpack(AddressCertificate.class);
        assertEquals(iin, certificate.getSubjectId());
    }

    @Test
    void legalEntityAddressComesFromLegalEntitiesRegister() throws Exception {
        String bin = Organisation.STATE_CORPORATION.bin().value();
        SignedResponse response = env.client("hkko").call(addressRequest("hkko", null, bin, "hkko-operator"));
        AddressCertificate certificate =
                ResponseContent.parseFrom(response.getContent()).getBody().unpack(AddressCertificate.class);
        assertEquals(bin, certificate.getSubjectId());
        assertEquals("gbd-ul", certificate.getRegister());
        assertEquals(3, verify(response).size());
    }

    @Test
    void retryWithTheSameBytesReturnsTheRecordedAnswer() {
        SignedRequest request =
                addressRequest("egov-portal", Persona.CLEAN.iin().value(), null, Persona.CLEAN.key());
        SignedResponse first = env.client("egov-portal").call(request);
        SignedResponse second = env.client("egov-portal").call(request);

        assertArrayEquals(first.toByteArray(), second.toByteArray());
        String messageId = messageId(request);
        List<JournalEntry.Outcome> outcomes = env.gateway.journal().entries("egov-portal", messageId).stream()
                .map(JournalEntry::outcome)
                .toList();
        assertEquals(List.of(JournalEntry.Outcome.ANSWERED, JournalEntry.Outcome.REPLAYED), outcomes);
    }

    @Test
    void journalRecordsTheCallWithoutTheFullIin() {
        String iin = Persona.CLEAN.iin().value();
        SignedRequest request = addressRequest("egov-portal", iin, null, Persona.CLEAN.key());
        env.client("egov-portal").call(request);

        JournalEntry entry =
                env.gateway.journal().entries("egov-portal", messageId(request)).get(0);
        assertEquals("ADDRESS_CERTIFICATE", entry.serviceId());
        assertEquals("gbd-fl", entry.agency());
        assertEquals("OK", entry.grpcCode());
        assertTrue(entry.signers().contains(iin.substring(0, 6)), entry.signers());
        assertFalse(entry.toString().contains(iin), "journal entry holds a full IIN: " + entry);
        assertTrue(entry.totalMicros() >= entry.agencyMicros() && entry.agencyMicros() > 0);
    }

    static String messageId(SignedRequest request) {
        try {
            return RequestContent.parseFrom(request.getContent()).getMessageId();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
