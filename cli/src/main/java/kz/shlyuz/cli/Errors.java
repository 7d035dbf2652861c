package kz.shlyuz.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How {@code ./shlyuz} answers what goes wrong: one line on standard error naming the command,
 * what was wrong and what is expected. Exit status 2 for a person's mistake (a bad option or a
 * {@link UsageError}), 1 for anything else. Stack traces only with {@code --verbose}.
 */
final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final int USAGE = 2;
    static final int FAILED = 1;

    private final boolean verbose;

    private Errors(boolean verbose) {
        this.verbose = verbose;
    }

    /** Installs both handlers on {@code line}; {@code args} are read only for {@code --verbose}. */
    static CommandLine install(CommandLine line, String... args) {
        Errors errors = new Errors(Arrays.asList(args).contains(ShlyuzCommand.VERBOSE));
        line.setParameterExceptionHandler(errors);
        line.setExecutionExceptionHandler(errors);
        return line;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(name(line) + ": " + oneLine(e.getMessage()) + " (see '" + name(line) + " --help')");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        PrintWriter err = line.getErr();
        int exit;
        if (e instanceof UsageError) {
            err.println(name(line) + ": " + oneLine(e.getMessage()));
            exit = USAGE;
        } else if (e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            err.println(name(line) + ": the gateway is not reachable ("
                    + oneLine(String.valueOf(s.getStatus().getDescription()))
                    + "); is './shlyuz serve' running, and is --gateway right?");
            exit = FAILED;
        } else {
            err.println(name(line) + ": failed: " + e.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(e.getMessage()))
                    + (verbose ? "" : " (run again with --verbose for the stack trace)"));
            exit = FAILED;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    private static String name(CommandLine line) {
        return line.getCommandSpec().qualifiedName();
    }

    /** Messages from libraries sometimes span lines; the answer stays one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
