package kz.shlyuz.bench;

/** Runs {@link Bench} with the full defaults, or the quick ones given {@code --quick}; for IDEs and scripts. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        Bench.run(quick ? BenchOptions.quick() : BenchOptions.defaults(), System.out);
        System.exit(0);
    }
}
