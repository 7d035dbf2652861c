package kz.shlyuz.bench.report;

/** What a column stands for; the ratios are Shlyuz over each baseline. */
public enum Role {
    /** (a) the agency adapter called directly, no gateway. */
    DIRECT("a"),
    /** (b) a plain gRPC relay (nginx grpc_pass) in front of the same adapter, nothing signed by it. */
    PROXY("b"),
    /** (c) the signed call through Shlyuz. */
    SHLYUZ("c"),
    /** (c') the signed call through Shlyuz at a fixed rate: half the relay's (or the adapter's) throughput. */
    SHLYUZ_PACED("c'");

    private final String letter;

    Role(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
