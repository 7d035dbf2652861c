package kz.shlyuz.gateway.ops.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fail fast and say so (issue 9): a gateway thread that dies — the journal's group commit, the
 * case writer, the outbox, the answer sealer, a stream or refresher thread — or an
 * {@link VirtualMachineError} (heap exhausted) anywhere makes the node unusable without anyone
 * noticing. This handler, installed as the JVM's default uncaught-exception handler, turns health
 * NOT_SERVING at once (every listener), writes one clear log line, and — when the launcher asked
 * for it ({@link #exitOnFatal}) — exits with status {@value #EXIT_STATUS}, so that a supervisor
 * restarts the process. A watchdog halts the JVM if the orderly exit itself hangs.
 */
public final class FatalErrors {
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);
    /** EX_SOFTWARE: an internal error, restart me. */
    public static final int EXIT_STATUS = 70;
    /** How long the orderly exit (shutdown hooks) may take before the JVM is halted. */
    private static final long HALT_AFTER_MILLIS = 30_000;

    private static final String[] GATEWAY_THREADS = {"journal-", "shlyuz-", "answer-sealer", "trust-", "ocsp-"};

    /** What went wrong first: the thread and the error. */
    public record Fatal(String thread, String error) {}

    private static final List<java.util.function.Consumer<Fatal>> listeners = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Fatal> first = new AtomicReference<>();
    private static volatile boolean exit;
    private static volatile boolean installed;

    private FatalErrors() {}

    /** Installs the handler (once per JVM); gateways register what to do on a fatal error. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (isFatal(thread, error)) {
                fatal(thread.getName(), error);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                log.error("uncaught exception in thread {}", thread.getName(), error);
            }
        });
        installed = true;
    }

    /** The launcher of a real process (not a test JVM) asks to exit on a fatal error. */
    public static void exitOnFatal(boolean enabled) {
        exit = enabled;
    }

    /**
     * Tells {@code listener} of every fatal error from now on (the gateways running when it happens).
     *
     * @return a handle that removes the listener (a gateway that closed)
     */
    public static Runnable onFatal(java.util.function.Consumer<Fatal> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    static boolean isFatal(Thread thread, Throwable error) {
        if (error instanceof VirtualMachineError) {
            return true;
        }
        for (String prefix : GATEWAY_THREADS) {
            if (thread.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A thread the gateway depends on died of {@code error}. */
    public static void fatal(String thread, Throwable error) {
        Fatal fatal = new Fatal(
                thread, error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        boolean firstOne = first.compareAndSet(null, fatal);
        // Health first: no new work reaches a node that cannot do it.
        for (java.util.function.Consumer<Fatal> listener : listeners) {
            try {
                listener.accept(fatal);
            } catch (Throwable t) {
                // Best effort: the exit below is what counts.
            }
        }
        if (!firstOne) {
            return;
        }
        try {
            log.error(
                    "FATAL: thread {} died ({}); health is NOT_SERVING{}",
                    thread,
                    fatal.error(),
                    exit ? ", the process exits with status " + EXIT_STATUS + " for its supervisor to restart it" : "",
                    error);
        } catch (Throwable t) {
            System.err.println("FATAL: thread " + thread + " died: " + fatal.error());
        }
        if (exit) {
            Thread halt = new Thread(
                    () -> {
                        try {
                            Thread.sleep(HALT_AFTER_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        Runtime.getRuntime().halt(EXIT_STATUS);
                    },
                    "fatal-halt-watchdog");
            halt.setDaemon(true);
            halt.start();
            Thread exiter = new Thread(() -> System.exit(EXIT_STATUS), "fatal-exit");
            exiter.start();
        }
    }
}
