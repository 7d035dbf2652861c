package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.DocumentProductionState;

/**
 * "АӨО" РМК's production orders by document number. Fixture shape:
 * {@code {"productions": {"<persona key or IIN>": [{"number", "kind": "PASSPORT",
 * "state": "DELIVERED", "updatedAt": "2026-10-02T09:15:00Z"}]}}}.
 */
public final class ProductionRegister {
    private final Map<String, ProductionRecord> byNumber;

    private ProductionRegister(Map<String, ProductionRecord> byNumber) {
        this.byNumber = Map.copyOf(byNumber);
    }

    public static ProductionRegister read(FixtureNode root) {
        Map<String, ProductionRecord> byNumber = new LinkedHashMap<>();
        root.entries("productions").forEach((key, orders) -> {
            Iin holder = SubjectKeys.iin(key, orders);
            for (FixtureNode order : orders.elements()) {
                ProductionRecord record = new ProductionRecord(
                        order.text("number", IdentityDocumentRecord.NUMBER_PATTERN, "9 digits or N and 8 digits"),
                        order.protoEnum("kind", DocumentKind.class, "DOCUMENT_KIND_"),
                        holder,
                        order.protoEnum("state", DocumentProductionState.class, "DOCUMENT_PRODUCTION_STATE_"),
                        order.instant("updatedAt"));
                if (byNumber.putIfAbsent(record.documentNumber(), record) != null) {
                    throw order.failure(
                            "document " + record.documentNumber() + " listed twice (expected: unique numbers)");
                }
            }
        });
        return new ProductionRegister(byNumber);
    }

    public Optional<ProductionRecord> find(String documentNumber) {
        return Optional.ofNullable(byNumber.get(documentNumber));
    }
}
