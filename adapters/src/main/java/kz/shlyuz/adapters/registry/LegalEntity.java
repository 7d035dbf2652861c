package kz.shlyuz.adapters.registry;

import java.time.LocalDate;
import java.util.Objects;
import kz.shlyuz.certs.identity.Organisation;

/**
 * A legal entity's record in ЗТ МДБ.
 *
 * @param organisation the entity (its BIN and registered name)
 * @param legalAddress the registered legal address (заңды мекенжай)
 * @param registeredSince since when the entity is registered at it
 */
public record LegalEntity(Organisation organisation, PostalAddress legalAddress, LocalDate registeredSince) {

    public LegalEntity {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(legalAddress, "legalAddress");
        Objects.requireNonNull(registeredSince, "registeredSince");
    }
}
