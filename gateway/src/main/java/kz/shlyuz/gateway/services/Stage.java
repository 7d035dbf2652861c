package kz.shlyuz.gateway.services;

import java.util.List;

/** Steps that run in parallel (fan-out); the stage ends when every one has answered (fan-in). */
public record Stage(List<StepSpec> steps) {
    public Stage {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: [] (expected: at least one)");
        }
    }

    public static Stage of(StepSpec... steps) {
        return new Stage(List.of(steps));
    }
}
