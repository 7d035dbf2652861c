package kz.shlyuz.bench.scenario;

import java.util.List;
import java.util.Optional;

/** The scenarios this build can run. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            SyncCallScenario.rsa(), SyncCallScenario.gost(), new AsyncSubmitScenario(), new CabinetFanOutScenario());
    /** Run only when named: what operations (metrics, JSON logs) and full evidence logging cost the gateway per call. */
    private static final List<Scenario> ON_DEMAND =
            List.of(new OpsCostScenario(), new EvidenceCostScenario(), new ClusterScenario());
    /** {@code --scenario all} runs every scenario in turn, each in a fresh environment. */
    public static final String ALL_NAME = "all";

    private Scenarios() {}

    public static List<String> names() {
        return java.util.stream.Stream.concat(ALL.stream(), ON_DEMAND.stream())
                .map(Scenario::name)
                .toList();
    }

    /** The scenarios a {@code --scenario} value stands for: one, or every one for {@code all}. */
    public static List<Scenario> select(String name) {
        if (name.equals(ALL_NAME)) {
            return ALL;
        }
        return find(name)
                .map(List::of)
                .orElseThrow(() -> new IllegalArgumentException(
                        "scenario: " + name + " (expected: one of " + names() + " or " + ALL_NAME + ")"));
    }

    public static Optional<Scenario> find(String name) {
        return java.util.stream.Stream.concat(ALL.stream(), ON_DEMAND.stream())
                .filter(s -> s.name().equals(name))
                .findFirst();
    }
}
