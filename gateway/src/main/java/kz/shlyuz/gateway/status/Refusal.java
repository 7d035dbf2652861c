package kz.shlyuz.gateway.status;

import java.util.Map;

/**
 * The gateway refuses a call for a {@link Reason}. {@code detail} fills the reason's messages and
 * is sent to the caller, so it never holds personal data (mask IINs) or secrets.
 */
public final class Refusal extends RuntimeException {
    private final Reason reason;
    private final String detail;
    private final Map<String, String> metadata;

    public Refusal(Reason reason, String detail) {
        this(reason, detail, Map.of(), null);
    }

    public Refusal(Reason reason, String detail, Throwable cause) {
        this(reason, detail, Map.of(), cause);
    }

    public Refusal(Reason reason, String detail, Map<String, String> metadata, Throwable cause) {
        super(
                reason + ": " + (detail == null ? "" : Untrusted.bounded(detail, Untrusted.DETAIL_CHARS)),
                cause,
                false,
                false);
        this.reason = reason;
        // Bounded and escaped whatever it was built from: a caller's text must not break the trailers.
        this.detail = detail == null ? "" : Untrusted.bounded(detail, Untrusted.DETAIL_CHARS);
        this.metadata = Map.copyOf(metadata);
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    /** Extra ErrorInfo metadata, e.g. the agency that failed. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
