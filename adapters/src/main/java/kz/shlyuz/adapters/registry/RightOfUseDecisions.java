package kz.shlyuz.adapters.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Court decisions in force that ended a person's right to use a dwelling on its owner's claim
 * (004 annex 4 §2(1), §4), as the court register holds them. Fixture shape: {@code
 * {"rightOfUseDecisions": {"<decision number>": {"person": "<persona key or IIN>", "owner": "…",
 * "address": {…}, "court": "…"}}}}.
 */
public final class RightOfUseDecisions {
    private final Map<String, Decision> byRef;

    /**
     * One decision.
     *
     * @param ref the decision's number
     * @param personIin whose right of use it ended
     * @param ownerIin the owner who claimed
     * @param address the dwelling
     * @param court the court, as the decision names it
     */
    public record Decision(String ref, String personIin, String ownerIin, PostalAddress address, String court) {}

    private RightOfUseDecisions(Map<String, Decision> byRef) {
        this.byRef = Map.copyOf(byRef);
    }

    public static RightOfUseDecisions read(FixtureNode root) {
        Map<String, Decision> byRef = new LinkedHashMap<>();
        root.entries("rightOfUseDecisions")
                .forEach((ref, node) -> byRef.put(
                        ref,
                        new Decision(
                                ref,
                                SubjectKeys.iin(node.text("person"), node).value(),
                                SubjectKeys.iin(node.text("owner"), node).value(),
                                PostalAddress.read(node.object("address")),
                                node.text("court"))));
        return new RightOfUseDecisions(byRef);
    }

    /** The decision with this number, if the register holds one. */
    public Optional<Decision> find(String ref) {
        return Optional.ofNullable(byRef.get(ref.strip()));
    }
}
