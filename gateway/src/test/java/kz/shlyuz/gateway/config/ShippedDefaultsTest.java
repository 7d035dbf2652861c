package kz.shlyuz.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.services.Sender;
import kz.shlyuz.gateway.services.Services;
import org.junit.jupiter.api.Test;

/** The shipped configuration takes the senders' services and the adapters from the registries. */
class ShippedDefaultsTest {
    private final GatewayConfig shipped = ConfigLoader.defaults();

    @Test
    void letsEachSenderUseTheServicesWhoseDefinitionsNameIt() {
        for (Sender sender : Sender.values()) {
            assertEquals(
                    Services.standard().defaultServicesOf(sender.id()),
                    shipped.sender(sender.id()).orElseThrow().services(),
                    sender.id());
        }
        assertEquals(
                java.util.Set.of(
                        "ADDRESS_CERTIFICATE",
                        "EXIT_PERMANENT_RESIDENCE",
                        "LABOUR_MIGRANT_PERMIT",
                        "LABOUR_MIGRANT_PERMIT_EXTENSION",
                        "ID_DOCUMENT",
                        "TEMPORARY_ID",
                        "RESIDENCE_REGISTRATION",
                        "RESIDENCE_DEREGISTRATION"),
                shipped.sender("hkko").orElseThrow().services());
    }

    @Test
    void placesEveryRegisteredAgencyOnLoopbackAtItsPortWithTheBinsThatSignItsAnswers() {
        assertEquals(Agency.ids(), java.util.List.copyOf(shipped.adapters().keySet()));
        for (Agency agency : Agency.values()) {
            AdapterEndpoint endpoint = shipped.adapter(agency.id()).orElseThrow();
            assertEquals("127.0.0.1:" + agency.defaultPort(), endpoint.target(), agency.id());
            assertEquals(agency.requiredSignerBins(), endpoint.signerBins(), agency.id());
        }
        assertEquals(java.util.Set.of(), shipped.adapter("tax").orElseThrow().signerBins());
    }
}
