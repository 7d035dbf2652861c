package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.certs.identity.Bin;
import kz.shlyuz.certs.identity.Organisation;

/**
 * ЗТ МДБ's legal entities by BIN. Fixture shape:
 * {@code {"organisations": {"<Organisation name>": {"address": {…}, "registeredSince": "…"}}}}.
 */
public final class LegalEntityRegister {
    private final Map<String, LegalEntity> byBin;

    private LegalEntityRegister(Map<String, LegalEntity> byBin) {
        this.byBin = Map.copyOf(byBin);
    }

    public static LegalEntityRegister read(FixtureNode root) {
        Map<String, LegalEntity> byBin = new LinkedHashMap<>();
        root.entries("organisations").forEach((key, entity) -> {
            Organisation organisation = SubjectKeys.organisation(key, entity);
            byBin.put(
                    organisation.bin().value(),
                    new LegalEntity(
                            organisation,
                            PostalAddress.read(entity.object("address")),
                            entity.date("registeredSince")));
        });
        return new LegalEntityRegister(byBin);
    }

    public Optional<LegalEntity> find(Bin bin) {
        return Optional.ofNullable(byBin.get(bin.value()));
    }
}
