package kz.shlyuz.adapters.registry;

import java.util.Objects;

/**
 * An address as the population and legal-entity registers hold it.
 *
 * @param kato the territorial unit's code (ӘАОЖ / КАТО), 9 digits
 * @param region облыс or city of republican significance
 * @param district аудан; may be empty
 * @param locality елді мекен: city, town or village
 * @param street street, avenue (даңғыл) or micro-district (шағын аудан)
 * @param building house number
 * @param apartment flat number; empty for a private house or a whole building
 */
public record PostalAddress(
        String kato,
        String region,
        String district,
        String locality,
        String street,
        String building,
        String apartment) {

    public PostalAddress {
        Objects.requireNonNull(kato, "kato");
        if (!kato.matches("\\d{9}")) {
            throw new IllegalArgumentException("kato: " + kato + " (expected: 9 digits)");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(building, "building");
        Objects.requireNonNull(apartment, "apartment");
    }

    /** Reads {@code {"kato", "region", "district"?, "locality", "street", "building", "apartment"?}}. */
    static PostalAddress read(FixtureNode node) {
        return new PostalAddress(
                node.text("kato", "\\d{9}", "9 digits"),
                node.text("region"),
                node.optionalText("district"),
                node.text("locality"),
                node.text("street"),
                node.text("building"),
                node.optionalText("apartment"));
    }
}
