package kz.shlyuz.bench.scenario;

import java.util.List;
import java.util.Optional;

/** The scenarios this build can run. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(new SyncRsaScenario());

    private Scenarios() {}

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    public static Optional<Scenario> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
