package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.certs.identity.Iin;

/**
 * The dwellings the address register knows and their owners, as ЖТ МДБ answers them for a
 * residence registration (004 annex 3 §5: the owner who consents). Fixture shape: {@code
 * {"dwellings": [{"address": {…}, "owners": ["<persona key or IIN>", …]}]}}. A dwelling is found by
 * its KATO code, street, building and apartment (the parts that tell two dwellings apart; the
 * region, district and locality follow from the KATO code).
 */
public final class DwellingRegister {
    private final Map<String, Dwelling> byKey;

    /**
     * One dwelling.
     *
     * @param address where it is
     * @param owners who owns it (co-owners each consent on their own), by IIN
     */
    public record Dwelling(PostalAddress address, List<String> owners) {
        public Dwelling {
            owners = List.copyOf(owners);
        }
    }

    private DwellingRegister(Map<String, Dwelling> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static DwellingRegister read(FixtureNode root) {
        Map<String, Dwelling> byKey = new LinkedHashMap<>();
        for (FixtureNode node : root.array("dwellings")) {
            PostalAddress address = PostalAddress.read(node.object("address"));
            List<String> owners = node.array("owners").stream()
                    .map(o -> SubjectKeys.iin(o.textValue(), o).value())
                    .toList();
            if (owners.isEmpty()) {
                throw node.failure("owners: [] (expected: at least one owner)");
            }
            if (byKey.put(
                            key(address.kato(), address.street(), address.building(), address.apartment()),
                            new Dwelling(address, owners))
                    != null) {
                throw node.failure("address listed twice (expected: each dwelling once)");
            }
        }
        return new DwellingRegister(byKey);
    }

    /** The dwelling at this address, if the register knows it. */
    public Optional<Dwelling> find(String kato, String street, String building, String apartment) {
        return Optional.ofNullable(byKey.get(key(kato, street, building, apartment)));
    }

    /** True when the register lists {@code owner} among the owners of a dwelling. */
    public static boolean owns(Dwelling dwelling, Iin owner) {
        return dwelling.owners().contains(owner.value());
    }

    private static String key(String kato, String street, String building, String apartment) {
        return String.join("\u0000", kato, street.strip(), building.strip(), apartment.strip());
    }
}
