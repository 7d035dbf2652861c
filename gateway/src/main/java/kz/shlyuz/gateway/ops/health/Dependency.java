package kz.shlyuz.gateway.ops.health;

import java.util.Map;

/**
 * The state of one thing the node needs, as readiness and doctor report it.
 *
 * @param name e.g. {@code database}, {@code trust}, {@code revocation}, {@code adapter:gbd-fl}
 * @param state UP, DEGRADED (works, but something needs attention) or DOWN
 * @param required whether DOWN makes the node not ready
 * @param detail what an operator reads: why, and what to do
 * @param facts figures for doctor (latency, versions, dates), as strings
 */
public record Dependency(String name, State state, boolean required, String detail, Map<String, Object> facts) {
    public enum State {
        UP,
        DEGRADED,
        DOWN
    }

    public Dependency {
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    /** Whether this dependency stops the node from serving. */
    public boolean blocks() {
        return required && state == State.DOWN;
    }
}
