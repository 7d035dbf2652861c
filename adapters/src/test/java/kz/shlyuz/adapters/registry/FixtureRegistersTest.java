package kz.shlyuz.adapters.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.shlyuz.certs.identity.Persona;
import org.junit.jupiter.api.Test;

/** Fixtures resolve persona keys to IINs, and a broken fixture says where it is broken. */
class FixtureRegistersTest {

    @Test
    void resolvesPersonaKeysToTheirIins() {
        ResidenceRegister register = ResidenceRegister.read(FixtureNode.parse("""
                {"persons": {"aidar-clean": {"registeredSince": "2016-08-19", "address":
                  {"kato": "751410000", "region": "Алматы қаласы", "locality": "Алматы", "street": "Абай даңғылы",
                   "building": "1"}}}}""", "test"));

        Residence residence = register.find(Persona.CLEAN.iin()).orElseThrow();
        assertEquals(FullName.of(Persona.CLEAN), residence.name());
        assertEquals("", residence.address().apartment());
    }

    @Test
    void namesTheFieldOfAMalformedValue() {
        FixtureException e = assertThrows(
                FixtureException.class, () -> ResidenceRegister.read(FixtureNode.parse("""
                {"persons": {"aidar-clean": {"registeredSince": "2016-08-19", "address":
                  {"kato": "7514", "region": "r", "locality": "l", "street": "s", "building": "1"}}}}""", "fixtures/gbd-fl.json")));

        assertEquals(
                "fixtures/gbd-fl.json: persons.aidar-clean.address.kato: \"7514\" (expected: 9 digits)",
                e.getMessage());
    }

    @Test
    void refusesAKeyThatIsNeitherAPersonaNorAnIin() {
        FixtureException e = assertThrows(
                FixtureException.class, () -> GroundsRegister.read(FixtureNode.parse("""
                {"grounds": {"TAX_DEBT_CHECK": {"bota": {"code": "TAX_DEBT", "kk": "k", "ru": "r", "recordRef": "x"}}}}""", "fixtures/tax.json")));

        assertTrue(
                e.getMessage().startsWith("fixtures/tax.json: grounds.TAX_DEBT_CHECK.bota: \"bota\""), e.getMessage());
    }

    @Test
    void refusesAHistoryThatOverlapsTheCurrentRegistration() {
        FixtureException e = assertThrows(
                FixtureException.class, () -> ResidenceRegister.read(FixtureNode.parse("""
                {"persons": {"aidar-clean": {"registeredSince": "2016-08-19",
                  "address": {"kato": "751410000", "region": "r", "locality": "l", "street": "s", "building": "1"},
                  "history": [{"from": "2010-01-01", "until": "2017-01-01",
                    "address": {"kato": "351010000", "region": "r", "locality": "l", "street": "s", "building": "2"}}]}}}""", "fixtures/gbd-fl.json")));

        assertTrue(e.getMessage().contains("persons.aidar-clean"), e.getMessage());
    }
}
