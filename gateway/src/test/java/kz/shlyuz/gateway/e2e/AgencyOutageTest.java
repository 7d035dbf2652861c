package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;

/** An agency that is down is a reasoned UNAVAILABLE, journaled, and nothing else stops. */
class AgencyOutageTest {

    @Test
    void adapterDownIsUnavailableJournaledAndTheGatewayKeepsServing() throws Exception {
        // ЖТ МДБ (gbd-fl) is down; ЗТ МДБ (gbd-ul) runs.
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-ul"), c -> c)) {
            RequestContent content = RequestBuilder.content(
                    "egov-portal",
                    "ADDRESS_CERTIFICATE",
                    AddressCertificateRequest.newBuilder()
                            .setIin(Persona.CLEAN.iin().value())
                            .build(),
                    env.clock.instant());
            SignedRequest request = env.requests.sign(content, List.of(env.pki.signerKey(Persona.CLEAN.key())));

            assertRefused(
                    Status.Code.UNAVAILABLE,
                    "AGENCY_UNAVAILABLE",
                    () -> env.client("egov-portal").call(request));
            List<JournalEntry> entries = env.gateway.journal().entries("egov-portal", content.getMessageId());
            assertEquals(1, entries.size());
            assertEquals("AGENCY_UNAVAILABLE", entries.get(0).reason());
            assertEquals("gbd-fl", entries.get(0).agency());

            // The same gateway still answers what the running agency holds.
            RequestContent legal = RequestBuilder.content(
                    "hkko",
                    "ADDRESS_CERTIFICATE",
                    AddressCertificateRequest.newBuilder()
                            .setBin(Organisation.STATE_CORPORATION.bin().value())
                            .build(),
                    env.clock.instant());
            ResponseContent answer = ResponseContent.parseFrom(env.client("hkko")
                    .call(env.requests.sign(legal, List.of(env.pki.signerKey("hkko-operator"))))
                    .getContent());
            assertEquals("gbd-ul", answer.getAgency());

            // A retry of the refused message is processed afresh (the claim was released), not refused as a replay.
            assertRefused(
                    Status.Code.UNAVAILABLE,
                    "AGENCY_UNAVAILABLE",
                    () -> env.client("egov-portal").call(request));
        }
    }
}
