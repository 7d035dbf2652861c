package kz.shlyuz.gateway.console.auth;

/** What an endpoint needs; a {@link Role} grants a fixed set of these. */
public enum Permission {
    /** Journal, messages, cases, deliveries, traffic, dependencies: with IINs masked. */
    READ,
    /** Resend and stop deliveries, switch maintenance. */
    OPERATE,
    /** The audit log, trust anchors and the configuration view. */
    SECURITY,
    /** Full IINs (each view audited). */
    UNMASK,
    /** Evidence containers with the exact bytes of a message (each export audited). */
    EXPORT_EVIDENCE
}
