package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.ListenableFuture;
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
}
