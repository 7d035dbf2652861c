package kz.shlyuz.bench.report;

/** What a column stands for; the ratios are Shlyuz over each baseline. */
public enum Role {
    /** (a) the agency adapter called directly, no gateway. */
    DIRECT("a"),
    /** (b) a plain gRPC relay (nginx grpc_pass) in front of the same adapter, nothing signed by it. */
    PROXY("b"),
    /** (c) the signed call through Shlyuz. */
    SHLYUZ("c"),
    /** (c') the signed call through Shlyuz at a fixed rate: a quarter of the relay's (or the adapter's) throughput. */
    SHLYUZ_PACED("c'"),
    /** (d) the same signed call through Shlyuz, the answers batch-sealed instead of countersigned. */
    SHLYUZ_SEALED("d"),
    /** (d') column (d) at the fixed rate of (c'). */
    SHLYUZ_SEALED_PACED("d'");

    private final String letter;

    Role(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }

    /** A closed-loop column through the gateway (whose rate the baselines cap). */
    public boolean throughShlyuz() {
        return this == SHLYUZ || this == SHLYUZ_SEALED;
    }

    /** The paced row of a column through the gateway. */
    public Role paced() {
        return switch (this) {
            case SHLYUZ -> SHLYUZ_PACED;
            case SHLYUZ_SEALED -> SHLYUZ_SEALED_PACED;
            default -> throw new IllegalStateException(this + " is not paced");
        };
    }
}
