package kz.shlyuz.bench.scenario;

import java.io.PrintStream;
import java.util.List;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.report.Row;

/**
 * A scenario measured as streams rather than request and answer: it drives its own load in the
 * environment it is given, prints its own table (saying what, if anything, the baseline is) and
 * returns its rows. It has no (a)/(b) columns.
 */
public interface StreamScenario extends Scenario {
    List<Row> run(BenchEnvironment env, BenchOptions options, PrintStream out) throws Exception;

    @Override
    default List<Column> columns(BenchEnvironment env) {
        return List.of();
    }
}
