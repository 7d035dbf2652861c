package kz.shlyuz.adapters.registry;

import java.time.Instant;
import java.util.Objects;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.DocumentProductionState;

/**
 * A document "АӨО" РМК manufactures or manufactured.
 *
 * @param holder whom the document is for
 * @param updatedAt when it entered {@code state}
 */
public record ProductionRecord(
        String documentNumber, DocumentKind kind, Iin holder, DocumentProductionState state, Instant updatedAt) {

    public ProductionRecord {
        Objects.requireNonNull(documentNumber, "documentNumber");
        if (!documentNumber.matches(IdentityDocumentRecord.NUMBER_PATTERN)) {
            throw new IllegalArgumentException(
                    "documentNumber: " + documentNumber + " (expected: 9 digits or N and 8 digits)");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
