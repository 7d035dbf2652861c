package kz.shlyuz.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import kz.shlyuz.adapters.agency.AgencyCatalog;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.pki.DevPki;
import org.junit.jupiter.api.Test;

class AgenciesTest {

    @Test
    void namesTheSameAdaptersAsTheDevPki() {
        assertEquals(DevPki.ADAPTERS, Agencies.names());
    }

    @Test
    void givesFixedLoopbackPortsInNameOrder() {
        assertEquals(
                IntStream.rangeClosed(9101, 9111).boxed().toList(),
                Agencies.names().stream().map(Agencies::defaultPort).toList());
    }

    @Test
    void titlesEveryAgencyInKazakhAndRussian() {
        for (String agency : Agencies.names()) {
            assertFalse(Agencies.titleKk(agency).isBlank(), agency);
            assertFalse(Agencies.titleRu(agency).isBlank(), agency);
        }
    }

    @Test
    void refusesAnUnknownAgencyNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Agencies.defaultPort("kgd"));
        assertTrue(e.getMessage().contains("gbd-fl"), e.getMessage());
    }

    @Test
    void assemblesEveryAgencyFromItsFixtures() {
        for (String agency : Agencies.names()) {
            AgencyDefinition definition = AgencyCatalog.assemble(agency);
            assertEquals(agency, definition.name());
            assertFalse(definition.operations().isEmpty(), agency);
        }
    }

    @Test
    void servesExactlyTheOperationsTheRegistryDeclaresForEachAgency() {
        for (Agency agency : Agency.values()) {
            AgencyDefinition definition = AgencyCatalog.assemble(agency.id());
            assertEquals(
                    Set.copyOf(agency.operations()),
                    Set.copyOf(definition.operationNames()),
                    agency.id() + ": declared operations vs implemented ones");
            assertEquals(agency.titleRu(), definition.titleRu(), agency.id());
        }
    }

    @Test
    void addressRegistersSignWithMvdAndMinistryOfJusticeOthersWithTheirOwnKey() {
        for (String agency : Agencies.names()) {
            List<String> expected = Set.of("gbd-fl", "gbd-ul").contains(agency)
                    ? List.of("agency-mvd", "agency-moj")
                    : List.of("agency-" + agency);
            assertEquals(expected, AgencyCatalog.assemble(agency).signers(), agency);
        }
    }

    @Test
    void configRefusesAnAgencyThatIsNotAnAdapter() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new AdapterConfig("gateway", null, null, null, null, Set.of()));
        assertTrue(e.getMessage().startsWith("agency: gateway (expected: one of"), e.getMessage());
    }
}
