package kz.shlyuz.certs.pki;

import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.Organisation;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Subject names in the national CA's attribute order:
 * {@code CN=SURNAME GIVENNAME, SURNAME, SERIALNUMBER=IIN…, C=KZ, [O], G=<patronymic>, [OU=BIN…]}.
 * BCStyle encodes C and SERIALNUMBER as PrintableString and the rest as UTF8String, as theirs are.
 */
final class SubjectNames {
    static final String DEV_ORGANISATION = "Shlyuz dev";

    private SubjectNames() {}

    static X500Name individual(String surname, String givenName, String patronymic, Iin iin) {
        return person(surname, givenName, patronymic, iin, null).build();
    }

    static X500Name employee(String surname, String givenName, String patronymic, Iin iin, Organisation employer) {
        return person(surname, givenName, patronymic, iin, employer)
                .addRDN(BCStyle.OU, "BIN" + employer.bin().value())
                .build();
    }

    /** A legal entity's own signing certificate: no person, the CN names the agency. */
    static X500Name agency(String commonName, Organisation organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.O, organisation.title())
                .addRDN(BCStyle.OU, "BIN" + organisation.bin().value())
                .build();
    }

    static X500Name certificationAuthority(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** The TLS CA and systems: the gateway reads the caller's system id from this CN. */
    static X500Name devSystem(String commonName) {
        // Conventional order (O, then CN): TLS stacks print it as "CN=<system>,O=Shlyuz dev".
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, DEV_ORGANISATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X500NameBuilder person(
            String surname, String givenName, String patronymic, Iin iin, Organisation employer) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, surname + " " + givenName)
                .addRDN(BCStyle.SURNAME, surname)
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + iin.value())
                .addRDN(BCStyle.C, "KZ");
        if (employer != null) {
            builder.addRDN(BCStyle.O, employer.title());
        }
        // The national CA puts the patronymic in GIVENNAME (G), not the given name.
        return builder.addRDN(BCStyle.GIVENNAME, patronymic);
    }
}
