package kz.shlyuz.adapters.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdentityDocumentStatus;

/**
 * ХҚТ ТП АЖ's identity documents by holder IIN, most recently issued first. Fixture shape:
 * {@code {"documents": {"<persona key or IIN>": [{"kind": "ID_CARD", "number", "issuedOn",
 * "validUntil", "issuer", "status": "VALID"}]}}}.
 */
public final class DocumentRegister {
    private final Map<String, List<IdentityDocumentRecord>> byIin;

    private DocumentRegister(Map<String, List<IdentityDocumentRecord>> byIin) {
        this.byIin = Map.copyOf(byIin);
    }

    public static DocumentRegister read(FixtureNode root) {
        Map<String, List<IdentityDocumentRecord>> byIin = new LinkedHashMap<>();
        root.entries("documents")
                .forEach((key, documents) -> byIin.put(
                        SubjectKeys.iin(key, documents).value(),
                        documents.elements().stream()
                                .map(DocumentRegister::document)
                                .sorted(Comparator.comparing(IdentityDocumentRecord::issuedOn)
                                        .reversed())
                                .toList()));
        return new DocumentRegister(byIin);
    }

    /** The person's documents, or empty when the system holds no such person. */
    public Optional<List<IdentityDocumentRecord>> find(Iin iin) {
        return Optional.ofNullable(byIin.get(iin.value()));
    }

    private static IdentityDocumentRecord document(FixtureNode node) {
        return new IdentityDocumentRecord(
                node.protoEnum("kind", DocumentKind.class, "DOCUMENT_KIND_"),
                node.text("number", IdentityDocumentRecord.NUMBER_PATTERN, "9 digits or N and 8 digits"),
                node.date("issuedOn"),
                node.date("validUntil"),
                node.text("issuer"),
                node.protoEnum("status", IdentityDocumentStatus.class, "IDENTITY_DOCUMENT_STATUS_"));
    }
}
