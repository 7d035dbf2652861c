package kz.shlyuz.client;

/**
 * A gateway seal that does not hold ({@link AnswerSeals#verify}). The problems are named as the
 * gateway's refusal reasons of the same meaning, so a front end can report them in the same words.
 */
public final class SealRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the seal does not hold. */
    public enum Problem {
        /** The answer carries no seal. */
        SIGNATURE_MISSING,
        /** The manifest is unreadable, not signed by exactly one signer, or does not cover the answer. */
        SIGNATURE_INVALID,
        /** The manifest names a tree hash this client does not know. */
        ALGORITHM_UNSUPPORTED
    }

    private final Problem problem;
    private final String detail;

    public SealRejected(Problem problem, String detail) {
        this(problem, detail, null);
    }

    public SealRejected(Problem problem, String detail, Throwable cause) {
        super(problem + ": " + detail, cause);
        this.problem = problem;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    /** What was wrong, in English, for logs and reports. */
    public String detail() {
        return detail;
    }
}
