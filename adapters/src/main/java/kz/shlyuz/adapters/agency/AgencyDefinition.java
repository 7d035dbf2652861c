package kz.shlyuz.adapters.agency;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.adapters.operation.Operation;

/**
 * One agency as an adapter serves it.
 *
 * @param name the short name, e.g. gbd-fl
 * @param titleKk / titleRu the full name, for {@code Describe}
 * @param signers the dev-PKI signing identities whose signatures its answers carry, in order
 * @param operations what it serves; names are unique
 */
public record AgencyDefinition(
        String name, String titleKk, String titleRu, List<String> signers, List<Operation<?>> operations) {

    public AgencyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(titleKk, "titleKk");
        Objects.requireNonNull(titleRu, "titleRu");
        signers = List.copyOf(signers);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("signers: [] (expected: at least one signing identity)");
        }
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations: [] (expected: at least one)");
        }
        var names = new HashSet<String>();
        for (Operation<?> operation : operations) {
            if (!names.add(operation.name())) {
                throw new IllegalArgumentException(
                        "operations: " + operation.name() + " twice (expected: unique names)");
            }
        }
    }

    /** The operation with this name, if the agency serves it. */
    public Optional<Operation<?>> operation(String operationName) {
        return operations.stream().filter(o -> o.name().equals(operationName)).findFirst();
    }

    /** The names of the operations, in the order they were defined. */
    public List<String> operationNames() {
        return operations.stream().map(Operation::name).toList();
    }
}
