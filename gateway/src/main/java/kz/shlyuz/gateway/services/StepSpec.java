package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.util.Objects;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;

/**
 * One step of a regulation: which agency does what, in what term.
 *
 * @param name unique within the service, e.g. TAX_DEBT_CHECK
 * @param adapter the agency adapter asked, e.g. tax
 * @param operation the adapter's operation
 * @param body builds the operation's body from the case
 * @param term the regulation's term for the step
 * @param titleKk / titleRu who does what, for people
 */
public record StepSpec(
        String name,
        StepKind kind,
        String adapter,
        String operation,
        Function<CaseFacts, Message> body,
        Term term,
        String titleKk,
        String titleRu) {

    public StepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(term, "term");
        if (!name.matches("[A-Z][A-Z0-9_]{0,40}")) {
            throw new IllegalArgumentException("name: " + name + " (expected: UPPER_SNAKE_CASE, at most 41)");
        }
    }

    /**
     * A step asking {@code agency} for one of the operations the agency registry declares for it.
     *
     * @throws IllegalArgumentException when the registry does not declare {@code operation} for it
     */
    public StepSpec(
            String name,
            StepKind kind,
            Agency agency,
            String operation,
            Function<CaseFacts, Message> body,
            Term term,
            String titleKk,
            String titleRu) {
        this(name, kind, declared(agency, operation), operation, body, term, titleKk, titleRu);
    }

    static String declared(Agency agency, String operation) {
        if (!agency.serves(operation)) {
            throw new IllegalArgumentException("operation: " + operation + " at " + agency.id() + " (expected: one of "
                    + agency.operations() + ")");
        }
        return agency.id();
    }
}
