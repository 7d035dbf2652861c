package kz.shlyuz.gateway.journal;

/** The journal could not record or read: the call cannot be acknowledged. */
public final class JournalException extends RuntimeException {
    public JournalException(String operation, Throwable cause) {
        super("journal " + operation + " failed" + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
