package kz.shlyuz.gateway.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cases kept and destroyed together. 002 §19 gathers an applicant's repeated applications in
 * one exit file, so an exit file is every exit case of one person, and 002 §20 keeps it 10 years
 * after a positive decision or 5 years after the decision on the last application when that was
 * negative; read together, the file is kept until the latest of its cases' own ends (a later
 * negative decision cannot shorten a positive one's ten years). Any other service's file is its
 * one case.
 *
 * @param key how the act names the file (no personal data)
 */
record CaseFile(String key, List<Case> cases) {
    CaseFile {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("cases: [] (expected: at least one)");
        }
    }

    /**
     * One case of a file as the database holds it.
     *
     * @param finishedAt the decision, or null while the case is open
     */
    record Case(
            String caseId,
            String serviceId,
            String sender,
            String messageId,
            String state,
            Instant openedAt,
            Instant finishedAt) {
        boolean positive() {
            return "APPROVED".equals(state);
        }

        boolean decided() {
            return finishedAt != null && ("APPROVED".equals(state) || "REFUSED".equals(state));
        }
    }

    /** Until when the file is kept; empty while any of its cases is undecided (it is kept). */
    Optional<Instant> keptUntil(RetentionRules rules) {
        Instant until = null;
        for (Case c : cases) {
            if (!c.decided()) {
                return Optional.empty();
            }
            Instant own = rules.keptUntil(c.serviceId(), c.positive(), c.finishedAt());
            until = until == null || own.isAfter(until) ? own : until;
        }
        return Optional.of(until);
    }
}
