package kz.shlyuz.adapters.address;

import kz.shlyuz.adapters.registry.FullName;
import kz.shlyuz.adapters.registry.PostalAddress;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.PersonName;

/** Register values in their {@code shlyuz.v1} form. */
final class AddressProtos {
    /** Both population registers hold addresses in Kazakhstan only. */
    private static final String KAZAKHSTAN = "KZ";

    private AddressProtos() {}

    static Address address(PostalAddress address) {
        return Address.newBuilder()
                .setKatoCode(address.kato())
                .setRegion(address.region())
                .setDistrict(address.district())
                .setLocality(address.locality())
                .setStreet(address.street())
                .setBuilding(address.building())
                .setApartment(address.apartment())
                .setCountry(KAZAKHSTAN)
                .build();
    }

    static PersonName name(FullName name) {
        return PersonName.newBuilder()
                .setSurname(name.surname())
                .setGivenName(name.givenName())
                .setPatronymic(name.patronymic())
                .build();
    }
}
