package kz.shlyuz.gateway.registers;

import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.proto.v1.Contacts;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.PersonName;

/** The register cells made from a request's fields. */
final class RegisterCells {
    private RegisterCells() {}

    /** Surname, given name and patronymic as one cell; null when all are blank. */
    static String fullName(PersonName name) {
        StringBuilder s = new StringBuilder(name.getSurname());
        for (String part : List.of(name.getGivenName(), name.getPatronymic())) {
            if (!part.isBlank()) {
                s.append(s.length() == 0 ? "" : " ").append(part);
            }
        }
        return s.length() == 0 ? null : s.toString();
    }

    /** The date as ISO text; null when unset. */
    static String iso(Date d) {
        return d.getYear() == 0 ? null : String.format("%04d-%02d-%02d", d.getYear(), d.getMonth(), d.getDay());
    }

    /** Phone and e-mail as one cell; null when neither is given. */
    static String contacts(Contacts contacts) {
        List<String> parts = new ArrayList<>();
        if (!contacts.getPhone().isBlank()) {
            parts.add(contacts.getPhone());
        }
        if (!contacts.getEmail().isBlank()) {
            parts.add(contacts.getEmail());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
