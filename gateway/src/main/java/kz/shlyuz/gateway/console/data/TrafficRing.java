package kz.shlyuz.gateway.console.data;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The traffic page's memory (issue 14.2): per-minute aggregates of the last day, per service —
 * requests, refusals by reason and a latency histogram — fed from every journaled call. It lives
 * in memory only: a restart starts it empty, the metrics endpoint keeps the long history.
 */
public final class TrafficRing {
    static final int MINUTES = 24 * 60;

    /** One minute of one service. */
    private static final class Cell {
        long requests;
        final Map<String, Long> refusals = new TreeMap<>();
        final LatencyHistogram latency = new LatencyHistogram();
    }

    /** One minute of all services. */
    private static final class Minute {
        long epochMinute = -1;
        final Map<String, Cell> services = new TreeMap<>();
    }

    private final Clock clock;
    private final Minute[] ring = new Minute[MINUTES];

    public TrafficRing(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < MINUTES; i++) {
            ring[i] = new Minute();
        }
    }

    /** Counts one journaled call: its service, its refusal reason when refused, its duration. */
    public void record(kz.shlyuz.gateway.journal.JournalEntry e) {
        record(
                e.serviceId(),
                e.outcome() == kz.shlyuz.gateway.journal.JournalEntry.Outcome.REFUSED ? e.reason() : null,
                e.totalMicros());
    }

    /**
     * Counts one call.
     *
     * @param reason the refusal reason, or null when the call was answered
     */
    public synchronized void record(String service, String reason, long totalMicros) {
        long now = clock.millis() / 60_000;
        Minute m = ring[(int) (now % MINUTES)];
        if (m.epochMinute != now) {
            m.epochMinute = now;
            m.services.clear();
        }
        Cell cell = m.services.computeIfAbsent(service == null ? "-" : service, s -> new Cell());
        cell.requests++;
        if (reason != null) {
            cell.refusals.merge(reason, 1L, Long::sum);
        }
        cell.latency.add(totalMicros);
    }

    /**
     * One service's traffic.
     *
     * @param perMinute requests in each of the last 60 minutes, oldest first
     * @param refusalsHour refusals by reason in the last hour
     */
    public record ServiceTraffic(
            String service,
            List<Long> perMinute,
            Map<String, Long> refusalsHour,
            Map<String, Long> refusalsDay,
            long requestsHour,
            long requestsDay,
            long p50HourMicros,
            long p99HourMicros,
            long p50DayMicros,
            long p99DayMicros) {}

    /** Every service seen in the last day. */
    public synchronized List<ServiceTraffic> snapshot() {
        long now = clock.millis() / 60_000;
        TreeSet<String> names = new TreeSet<>();
        for (Minute m : ring) {
            if (m.epochMinute > now - MINUTES) {
                names.addAll(m.services.keySet());
            }
        }
        return names.stream().map(name -> service(name, now)).toList();
    }

    private ServiceTraffic service(String name, long now) {
        Long[] perMinute = new Long[60];
        Map<String, Long> refusalsHour = new LinkedHashMap<>();
        Map<String, Long> refusalsDay = new TreeMap<>();
        LatencyHistogram hour = new LatencyHistogram();
        LatencyHistogram day = new LatencyHistogram();
        long requestsHour = 0;
        long requestsDay = 0;
        for (int back = 0; back < MINUTES; back++) {
            long minute = now - back;
            Minute m = ring[Math.floorMod(minute, MINUTES)];
            Cell cell = m.epochMinute == minute ? m.services.get(name) : null;
            if (back < 60) {
                perMinute[59 - back] = cell == null ? 0L : cell.requests;
            }
            if (cell == null) {
                continue;
            }
            requestsDay += cell.requests;
            day.addAll(cell.latency);
            cell.refusals.forEach((k, v) -> refusalsDay.merge(k, v, Long::sum));
            if (back < 60) {
                requestsHour += cell.requests;
                hour.addAll(cell.latency);
                cell.refusals.forEach((k, v) -> refusalsHour.merge(k, v, Long::sum));
            }
        }
        return new ServiceTraffic(
                name,
                List.of(perMinute),
                refusalsHour,
                refusalsDay,
                requestsHour,
                requestsDay,
                hour.quantile(0.5),
                hour.quantile(0.99),
                day.quantile(0.5),
                day.quantile(0.99));
    }
}
