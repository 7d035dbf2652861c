package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.MilitaryRegistrationStatus;

/**
 * ҚБ's military registration records by IIN. Fixture shape:
 * {@code {"registrations": {"<persona key or IIN>": {"status": "REGISTERED", "officeKk"?,
 * "officeRu"?, "since"?, "recordRef"?}}}}.
 */
public final class MilitaryRegister {
    private final Map<String, MilitaryRecord> byIin;

    private MilitaryRegister(Map<String, MilitaryRecord> byIin) {
        this.byIin = Map.copyOf(byIin);
    }

    public static MilitaryRegister read(FixtureNode root) {
        Map<String, MilitaryRecord> byIin = new LinkedHashMap<>();
        root.entries("registrations")
                .forEach((key, record) -> byIin.put(
                        SubjectKeys.iin(key, record).value(),
                        new MilitaryRecord(
                                record.protoEnum(
                                        "status", MilitaryRegistrationStatus.class, "MILITARY_REGISTRATION_STATUS_"),
                                record.optionalText("officeKk"),
                                record.optionalText("officeRu"),
                                record.optionalDate("since"),
                                record.optionalText("recordRef"))));
        return new MilitaryRegister(byIin);
    }

    public Optional<MilitaryRecord> find(Iin iin) {
        return Optional.ofNullable(byIin.get(iin.value()));
    }
}
