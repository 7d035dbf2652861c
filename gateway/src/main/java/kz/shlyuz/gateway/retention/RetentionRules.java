package kz.shlyuz.gateway.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.services.Service;

/**
 * How long a case file is kept after its decision: the evidence archive's retention rules
 * ({@code evidence.retention}), read here rather than copied, so that a case and the evidence of
 * its messages are kept by the same periods. A period runs from the decision's date in Astana.
 */
public final class RetentionRules {
    /** The time zone the regulations' dates are read in. */
    static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");

    private final EvidenceSettings.Retention retention;

    public RetentionRules(EvidenceSettings.Retention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** The period after a {@code positive} (or negative) decision of {@code serviceId}. */
    public Period period(String serviceId, boolean positive) {
        EvidenceSettings.Retention r = retention.of(serviceId);
        return positive ? r.positive() : r.negative();
    }

    /** Until when a case decided at {@code decidedAt} is kept. */
    public Instant keptUntil(String serviceId, boolean positive, Instant decidedAt) {
        return decidedAt.atZone(ASTANA).plus(period(serviceId, positive)).toInstant();
    }

    /**
     * The rule as the act names it: the period, its configuration key and, for the exit file, the
     * regulation (002 §20); for the services whose seeds are silent, the documented default.
     */
    public String describe(String serviceId, boolean positive) {
        boolean own = retention.services().containsKey(serviceId);
        String key = "evidence.retention." + (own ? "services." + serviceId + "." : "")
                + (positive ? "positive" : "negative");
        String source = Service.EXIT_PERMANENT_RESIDENCE.id().equals(serviceId)
                ? (positive
                        ? "002 §20: 10 years after a positive decision"
                        : "002 §20: 5 years after the last negative decision")
                : "seed silent: the gateway's default";
        return period(serviceId, positive) + " after a " + (positive ? "positive" : "negative") + " decision (" + source
                + "; " + key + ")";
    }
}
