package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.certs.identity.Iin;

/**
 * ЖТ МДБ's residence registrations by IIN. Fixture shape:
 * {@code {"persons": {"<persona key or IIN>": {"name"?: {…}, "address": {…}, "registeredSince":
 * "2016-08-19", "history": [{"address": {…}, "from": "…", "until": "…"}]}}}}. A persona's name
 * comes from {@code Persona}; someone keyed by IIN needs a {@code name}.
 */
public final class ResidenceRegister {
    private final Map<String, Residence> byIin;

    private ResidenceRegister(Map<String, Residence> byIin) {
        this.byIin = Map.copyOf(byIin);
    }

    public static ResidenceRegister read(FixtureNode root) {
        Map<String, Residence> byIin = new LinkedHashMap<>();
        root.entries("persons").forEach((key, person) -> {
            Iin iin = SubjectKeys.iin(key, person);
            FullName name =
                    SubjectKeys.persona(key).map(FullName::of).orElseGet(() -> FullName.read(person.object("name")));
            var history = person.array("history").stream()
                    .map(past -> new PastResidence(
                            PostalAddress.read(past.object("address")), past.date("from"), past.date("until")))
                    .toList();
            try {
                byIin.put(
                        iin.value(),
                        new Residence(
                                name,
                                PostalAddress.read(person.object("address")),
                                person.date("registeredSince"),
                                history));
            } catch (IllegalArgumentException e) {
                throw person.failure(e.getMessage());
            }
        });
        return new ResidenceRegister(byIin);
    }

    public Optional<Residence> find(Iin iin) {
        return Optional.ofNullable(byIin.get(iin.value()));
    }

    /** Everyone registered, by IIN: start-up checks that every persona has an address. */
    public Set<String> iins() {
        return byIin.keySet();
    }
}
