package kz.shlyuz.adapters.effect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effects an agency applied, in order. Keyed by request id: a repeated id finds the effect
 * already applied and applies nothing. In memory, like the adapters' fixture registers.
 */
public final class EffectLedger {
    private final String agency;
    private final Map<String, Effect> byRequestId = new LinkedHashMap<>();
    private int sequence;

    public EffectLedger(String agency) {
        this.agency = agency;
    }

    /** One applied effect. */
    public record Effect(
            String requestId, String operation, String caseId, String maskedSubject, String reference, Instant at) {}

    /**
     * Applies the effect unless this request id was applied before.
     *
     * @param prefix the agency's numbering prefix for what it produces, e.g. {@code WP} for a permit
     * @return the effect as recorded (the earlier one for a repeated request id)
     */
    public synchronized Effect apply(
            String requestId, String operation, String caseId, String maskedSubject, String prefix, Instant at) {
        Effect earlier = byRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        sequence++;
        String reference = String.format(
                "%s-%d-%06d", prefix, at.atZone(java.time.ZoneOffset.UTC).getYear(), sequence);
        Effect effect = new Effect(requestId, operation, caseId, maskedSubject, reference, at);
        byRequestId.put(requestId, effect);
        return effect;
    }

    /** Every effect applied so far, oldest first. */
    public synchronized List<Effect> effects() {
        return List.copyOf(new ArrayList<>(byRequestId.values()));
    }

    /** The effects of one case, oldest first. */
    public synchronized List<Effect> effectsOf(String caseId) {
        return byRequestId.values().stream()
                .filter(e -> e.caseId().equals(caseId))
                .toList();
    }

    public Optional<Effect> find(String requestId) {
        synchronized (this) {
            return Optional.ofNullable(byRequestId.get(requestId));
        }
    }

    public String agency() {
        return agency;
    }
}
