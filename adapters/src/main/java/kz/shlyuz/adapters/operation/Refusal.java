package kz.shlyuz.adapters.operation;

import io.grpc.Status;
import java.util.Map;
import java.util.Objects;

/**
 * Why the adapter does not answer, in a form a person can act on.
 *
 * @param code the gRPC status code, chosen on purpose (bad input INVALID_ARGUMENT, no record
 *     NOT_FOUND, a caller without the right PERMISSION_DENIED …)
 * @param reason the machine-readable {@code google.rpc.ErrorInfo} reason, e.g. {@code IIN_INVALID}
 * @param messageKk the explanation in Kazakh
 * @param messageRu the same explanation in Russian
 * @param metadata extra {@code ErrorInfo} metadata (e.g. the ШЭП code); never personal data
 */
public record Refusal(
        Status.Code code, String reason, String messageKk, String messageRu, Map<String, String> metadata) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        if (code == Status.Code.OK) {
            throw new IllegalArgumentException("code: OK (expected: an error code)");
        }
        Objects.requireNonNull(reason, "reason");
        if (!reason.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("reason: " + reason + " (expected: UPPER_SNAKE_CASE)");
        }
        Objects.requireNonNull(messageKk, "messageKk");
        Objects.requireNonNull(messageRu, "messageRu");
        metadata = Map.copyOf(metadata);
    }

    /** Raises this refusal. */
    public RefusalException exception() {
        return new RefusalException(this);
    }
}
