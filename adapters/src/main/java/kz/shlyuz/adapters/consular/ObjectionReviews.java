package kz.shlyuz.adapters.consular;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.adapters.registry.FixtureNode;
import kz.shlyuz.adapters.registry.SubjectKeys;
import kz.shlyuz.certs.identity.Iin;

/**
 * What the police department's files say about a person's objection, from the fixture's
 * {@code objectionReviews} section: whether the materials an applicant brings would change the
 * decision (e.g. the bailiff's order ending the enforcement), with the reasoned text.
 */
public final class ObjectionReviews {
    /** The outcome of one review on record. */
    public record Review(boolean accepted, String kk, String ru, String recordRef) {}

    private final Map<String, Review> byIin;

    private ObjectionReviews(Map<String, Review> byIin) {
        this.byIin = Map.copyOf(byIin);
    }

    /** Reads {@code objectionReviews}: persona key or IIN → decision ACCEPTED / REJECTED, kk, ru, recordRef. */
    public static ObjectionReviews read(FixtureNode root) {
        Map<String, Review> byIin = new LinkedHashMap<>();
        root.entries("objectionReviews")
                .forEach((key, review) -> byIin.put(
                        SubjectKeys.iin(key, review).value(),
                        new Review(
                                review.text("decision", "ACCEPTED|REJECTED", "ACCEPTED or REJECTED")
                                        .equals("ACCEPTED"),
                                review.text("kk"),
                                review.text("ru"),
                                review.text("recordRef"))));
        return new ObjectionReviews(byIin);
    }

    /** The review on record for this person, if any. */
    public Optional<Review> find(Iin iin) {
        return Optional.ofNullable(byIin.get(iin.value()));
    }
}
