package kz.shlyuz.adapters.registry;

/** A fixture resource that is missing or does not hold what its register expects. */
public final class FixtureException extends IllegalStateException {

    public FixtureException(String message) {
        super(message);
    }

    public FixtureException(String message, Throwable cause) {
        super(message, cause);
    }
}
