package kz.shlyuz.adapters.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage reports the monitoring system registered, in order of arrival. Keyed by the report's
 * stable key: a report that arrives again (a retry whose first answer was lost, a restarted
 * gateway) finds its first registration and adds nothing. In memory, like the other adapters'
 * registers.
 */
public final class StageReportLedger {
    private final Map<String, Registered> byKey = new LinkedHashMap<>();
    private int sequence;
    private int repeats;

    /**
     * One registered report.
     *
     * @param number the monitoring system's own number of it
     * @param event what the report said happened (ACCEPTED, STAGE_DONE …)
     * @param stage the case's stage after it, from 1
     */
    public record Registered(
            String key, String number, String serviceId, String caseRef, String event, int stage, Instant at) {}

    /** Registers the report unless its key was registered before; the registration that stands. */
    public synchronized Registered register(
            String key, String serviceId, String caseRef, String event, int stage, Instant at) {
        Registered earlier = byKey.get(key);
        if (earlier != null) {
            repeats++;
            return earlier;
        }
        sequence++;
        Registered registered = new Registered(
                key,
                String.format("MON-%d-%07d", at.atZone(java.time.ZoneOffset.UTC).getYear(), sequence),
                serviceId,
                caseRef,
                event,
                stage,
                at);
        byKey.put(key, registered);
        return registered;
    }

    /** Every registered report, oldest first. */
    public synchronized List<Registered> reports() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    /** How many reports arrived again under a key already registered. */
    public synchronized int repeats() {
        return repeats;
    }
}
