package kz.shlyuz.gateway.evidence;

import java.time.Instant;

/**
 * Reading an evidence body is an audited act: every read (export, console view) is reported
 * here before the body is handed out. The console will show and use the same interface.
 */
public interface BodyAccessAudit {
    /**
     * Records that someone read a stored request or answer body.
     *
     * @param actor who reads (operator login, or the OS account of a command)
     * @param action what for, e.g. {@code EXPORT}
     * @param nodeId the record's chain
     * @param seq the record's sequence number
     */
    void bodyRead(
            Instant at,
            String actor,
            String action,
            String nodeId,
            long seq,
            String sender,
            String messageId,
            String purpose);
}
