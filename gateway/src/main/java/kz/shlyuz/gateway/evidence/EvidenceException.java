package kz.shlyuz.gateway.evidence;

/** The evidence log could not do what was asked (database, keystore, archive file). */
public final class EvidenceException extends RuntimeException {
    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
