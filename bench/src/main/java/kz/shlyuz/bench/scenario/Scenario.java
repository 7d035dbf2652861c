package kz.shlyuz.bench.scenario;

import java.util.List;
import kz.shlyuz.bench.env.BenchEnvironment;

/**
 * A kind of call to measure. Each scenario gives the same request to every column it has: the
 * adapter directly (a), the nginx relay (b) when there is one, and Shlyuz (c). A scenario that is
 * not request and answer (a stream fan-out) is a {@link StreamScenario} and measures itself. All
 * are listed in {@link Scenarios}.
 */
public interface Scenario {
    /** The name given to {@code --scenario}, e.g. {@code sync-rsa}. */
    String name();

    /** One line saying what request is sent. */
    String description();

    /** The adapter nginx relays to for column (b). */
    default String relayedAgency() {
        return BenchEnvironment.AGENCY;
    }

    /** The columns, in print order; the environment's nginx decides whether (b) is among them. */
    List<Column> columns(BenchEnvironment env);
}
