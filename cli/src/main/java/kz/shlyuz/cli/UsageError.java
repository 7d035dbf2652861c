package kz.shlyuz.cli;

/**
 * A person's mistake on the command line that only they can fix: a body with an unknown field, a
 * signer not in the PKI, an address without a port. The message names what was wrong and what is
 * expected, in one line; {@code ./shlyuz} prints it and exits with status 2, as for a bad option.
 */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }

    UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
