package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.certs.identity.Iin;

/**
 * An agency's records that bar services, per check operation and IIN: convictions and wanted
 * persons at ҚСжАЕК, state-secret clearances at ҰҚК, court debts at САОД, tax debts at СД, exit
 * restrictions at the migration service. Someone absent has a clean record. Fixture shape:
 * {@code {"grounds": {"<OPERATION>": {"<persona key or IIN>": {"code", "kk", "ru", "recordRef"}}}}}.
 */
public final class GroundsRegister {
    private final Map<String, Map<String, Ground>> byOperation;

    private GroundsRegister(Map<String, Map<String, Ground>> byOperation) {
        this.byOperation = Map.copyOf(byOperation);
    }

    public static GroundsRegister read(FixtureNode root) {
        Map<String, Map<String, Ground>> byOperation = new LinkedHashMap<>();
        root.entries("grounds").forEach((operation, people) -> {
            Map<String, Ground> byIin = new LinkedHashMap<>();
            people.entries()
                    .forEach((key, ground) -> byIin.put(
                            SubjectKeys.iin(key, ground).value(),
                            new Ground(
                                    ground.text("code", "[A-Z][A-Z0-9_]*", "UPPER_SNAKE_CASE"),
                                    ground.text("kk"),
                                    ground.text("ru"),
                                    ground.text("recordRef"))));
            byOperation.put(operation, Map.copyOf(byIin));
        });
        return new GroundsRegister(byOperation);
    }

    /** The check operations this register answers. */
    public Set<String> operations() {
        return byOperation.keySet();
    }

    /** The ground on record for this person under this check, if any. */
    public Optional<Ground> find(String operation, Iin iin) {
        return Optional.ofNullable(byOperation.getOrDefault(operation, Map.of()).get(iin.value()));
    }
}
