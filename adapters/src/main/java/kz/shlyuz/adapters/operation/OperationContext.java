package kz.shlyuz.adapters.operation;

import java.time.Instant;
import java.util.Objects;

/**
 * What an operation may know about the request besides its body.
 *
 * @param requestId the gateway's id of this request, stable across its retries
 * @param serviceId the citizen-facing service the operation is part of
 * @param now the one instant the whole answer is stamped with (issued, checked, responded)
 */
public record OperationContext(String requestId, String serviceId, Instant now) {

    public OperationContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(now, "now");
    }
}
