package kz.shlyuz.adapters.residence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.adapters.registry.FixtureLoader;
import kz.shlyuz.adapters.registry.ResidenceRegister;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.Address;
import org.junit.jupiter.api.Test;

/** ХҚТ ТП АЖ's registration book: a change of address is one act, applied once per request id. */
class ResidenceBookTest {
    private static final Instant AT = Instant.parse("2026-11-20T04:00:00Z");
    private static final Address NEW = Address.newBuilder()
            .setKatoCode("751110000")
            .setStreet("Абай даңғылы")
            .setBuilding("10")
            .setApartment("5")
            .build();

    private final EffectLedger ledger = new EffectLedger("mvd-docs");
    private final ResidenceBook book = new ResidenceBook(ledger, ResidenceRegister.read(FixtureLoader.load("gbd-fl")));

    @Test
    void changesTheAddressInOneActAndOnlyOncePerRequestId() {
        String iin = Persona.CLEAN.iin().value();
        ResidenceBook.Change first = book.change("r-1", "C-1", iin, NEW, false, AT);
        ResidenceBook.Change again = book.change("r-1", "C-1", iin, NEW, false, AT.plusSeconds(60));
        assertEquals(first, again);
        assertTrue(first.departed().startsWith("DEP-"), first.departed());
        assertTrue(first.registered().startsWith("REG-"), first.registered());
        assertEquals(NEW, book.permanentOf(iin).orElseThrow().address());
        assertEquals(
                List.of("RESIDENCE_DEREGISTRATION", "RESIDENCE_REGISTRATION"),
                ledger.effectsOf("C-1").stream()
                        .map(EffectLedger.Effect::operation)
                        .toList());
    }

    @Test
    void keepsThePermanentRegistrationBesideATemporaryOne() {
        String iin = Persona.WANTED.iin().value();
        Address permanent = book.permanentOf(iin).orElseThrow().address();
        ResidenceBook.Change change = book.change("r-2", "C-2", iin, NEW, true, AT);
        assertEquals("", change.departed());
        assertEquals(permanent, book.permanentOf(iin).orElseThrow().address());
        assertEquals(NEW, book.temporaryOf(iin).orElseThrow().address());
    }

    @Test
    void registersSomeoneRegisteredNowhereWithoutADeparture() {
        ResidenceBook.Change change = book.change("r-3", "C-3", "710822300136", NEW, false, AT);
        assertEquals("", change.departed());
        assertEquals(NEW, book.permanentOf("710822300136").orElseThrow().address());
    }

    @Test
    void deregisteringEndsThePermanentRegistrationOnce() {
        String iin = Persona.COURT_DEBTOR.iin().value();
        ResidenceBook.Change left = book.leave("r-4", "C-4", iin, AT);
        assertEquals(left, book.leave("r-4", "C-4", iin, AT));
        assertTrue(book.permanentOf(iin).isEmpty());
        assertEquals(1, ledger.effectsOf("C-4").size());
    }
}
