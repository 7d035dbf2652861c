package kz.shlyuz.adapters.residence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.adapters.registry.PostalAddress;
import kz.shlyuz.adapters.registry.ResidenceRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.Address;

/**
 * ХҚТ ТП АЖ's registrations: where each person is registered now, permanently and (004 annex 3
 * §4) at a temporary stay address. Seeded from ЖТ МДБ's fixture, changed by the registration
 * operations, in memory like the other registers.
 *
 * <p>A change of address is one act (004 annex 3 §4, «жаңа тұрғылықты жері бойынша тіркеу …
 * бұрынғы … тіркеу есебінен шығару кезінде автоматты түрде жүзеге асырылады»): {@link #change}
 * records the departure from the old address and the registration at the new one under one lock,
 * so that nobody ever sees a person registered nowhere (or twice); it is idempotent per request
 * id, so the gateway's retry of a change whose answer was lost finds the change already made.
 */
public final class ResidenceBook {
    private final EffectLedger ledger;
    private final Map<String, Entry> permanent = new HashMap<>();
    private final Map<String, Entry> temporary = new HashMap<>();
    private final Map<String, Change> byRequestId = new HashMap<>();

    /**
     * One registration.
     *
     * @param address where
     * @param reference the registration's number
     * @param caseId the gateway case that made it; empty for the registers' own earlier data
     */
    public record Entry(Address address, String reference, String caseId) {}

    /**
     * What one request did.
     *
     * @param registered the new registration's number; empty for a deregistration
     * @param departed the departure sheet's number; empty when there was no registration to end
     */
    public record Change(String registered, String departed) {}

    public ResidenceBook(EffectLedger ledger, ResidenceRegister seed) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        for (String iin : seed.iins()) {
            seed.find(new Iin(iin)).ifPresent(r -> permanent.put(iin, new Entry(proto(r.address()), "", "")));
        }
    }

    /**
     * Registers {@code iin} at {@code to}; a permanent registration ends the earlier permanent one
     * in the same act. A repeated request id changes nothing and answers as the first time.
     */
    public synchronized Change change(
            String requestId, String caseId, String iin, Address to, boolean temporaryStay, Instant at) {
        Change earlier = byRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        String masked = Iin.mask(iin);
        String departed = "";
        if (!temporaryStay && permanent.containsKey(iin)) {
            departed = ledger.apply(requestId + "/departure", "RESIDENCE_DEREGISTRATION", caseId, masked, "DEP", at)
                    .reference();
        }
        String registered = ledger.apply(requestId, "RESIDENCE_REGISTRATION", caseId, masked, "REG", at)
                .reference();
        (temporaryStay ? temporary : permanent).put(iin, new Entry(to, registered, caseId));
        Change change = new Change(registered, departed);
        byRequestId.put(requestId, change);
        return change;
    }

    /** Ends {@code iin}'s permanent registration (the departure sheet); idempotent per request id. */
    public synchronized Change leave(String requestId, String caseId, String iin, Instant at) {
        Change earlier = byRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        String departed = ledger.apply(requestId, "RESIDENCE_DEREGISTRATION", caseId, Iin.mask(iin), "DEP", at)
                .reference();
        permanent.remove(iin);
        Change change = new Change("", departed);
        byRequestId.put(requestId, change);
        return change;
    }

    /** Where {@code iin} is permanently registered now, if anywhere. */
    public synchronized Optional<Entry> permanentOf(String iin) {
        return Optional.ofNullable(permanent.get(iin));
    }

    /** {@code iin}'s temporary stay registration, if any. */
    public synchronized Optional<Entry> temporaryOf(String iin) {
        return Optional.ofNullable(temporary.get(iin));
    }

    public EffectLedger ledger() {
        return ledger;
    }

    private static Address proto(PostalAddress a) {
        return Address.newBuilder()
                .setKatoCode(a.kato())
                .setRegion(a.region())
                .setDistrict(a.district())
                .setLocality(a.locality())
                .setStreet(a.street())
                .setBuilding(a.building())
                .setApartment(a.apartment())
                .setCountry("KZ")
                .build();
    }
}
