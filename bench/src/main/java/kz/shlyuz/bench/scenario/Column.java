package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.ListenableFuture;
import java.io.PrintStream;
import java.util.List;
import kz.shlyuz.bench.report.Role;

/**
 * One column of a scenario: where its requests go and how they are made. Requests that are
 * expensive to make (signed ones) are made ahead by {@link #prepare(long)}, outside the measured
 * time, so the load generator measures the server and not its own signing.
 */
public interface Column {
    Role role();

    String label();

    /** Makes {@code requests} more requests ready; returns how many can now be sent. */
    long prepare(long requests);

    /** Sends the next prepared request over an async stub. */
    ListenableFuture<?> send();

    /** Told when a measured phase of this column starts ({@code true}) and ends; warm-ups are not measured. */
    default void measuring(boolean on) {}

    /**
     * Called once all phases are done, before the table is printed: a column may wait for work its
     * requests left behind (cases running) and return lines for the table's notes.
     */
    default List<String> afterLoad(PrintStream out) throws InterruptedException {
        return List.of();
    }
}
