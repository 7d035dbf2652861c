package kz.shlyuz.bench.scenario;

import java.util.List;
import kz.shlyuz.bench.env.BenchEnvironment;

/**
 * A kind of call to measure. Each scenario gives the same request to every column it has: the
 * adapter directly (a), the nginx relay (b) when there is one, and Shlyuz (c). Further scenarios
 * (sync GOST, async submit, cabinet fan-out) implement this once the gateway serves them and are
 * listed in {@link Scenarios}.
 */
public interface Scenario {
    /** The name given to {@code --scenario}, e.g. {@code sync-rsa}. */
    String name();

    /** One line saying what request is sent. */
    String description();

    /** The columns, in print order; the environment's nginx decides whether (b) is among them. */
    List<Column> columns(BenchEnvironment env);
}
