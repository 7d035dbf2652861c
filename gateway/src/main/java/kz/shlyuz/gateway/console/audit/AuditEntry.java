package kz.shlyuz.gateway.console.audit;

import java.time.Instant;

/**
 * One line of the console's audit log: who did what, when, from where, with what result.
 *
 * @param action e.g. {@code delivery.resend}, {@code maintenance.on}, {@code iin.unmask}
 * @param target what it was done to (an outbox id, a message id, a masked IIN); never a full IIN
 * @param outcome {@code ok}, {@code refused} or {@code failed}
 */
public record AuditEntry(
        long id, Instant at, String actor, String role, String action, String target, String remote, String outcome) {}
