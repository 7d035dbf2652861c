package kz.shlyuz.gateway.console.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.console.data.JournalQuery;
import kz.shlyuz.gateway.console.data.MessageView;
import kz.shlyuz.gateway.console.data.TrafficRing;

/** What each page shows: the same read models as the API's, shaped for the templates. */
final class PageModels {
    private final ConsoleServices s;
    private final Actions actions;
    private final ApiRoutes api;
    private final DependencyView dependencies;

    PageModels(ConsoleServices services, Actions actions) {
        this.s = services;
        this.actions = actions;
        this.api = new ApiRoutes(services, actions);
        this.dependencies = new DependencyView(services.ops());
    }

    Map<String, Object> page(String name, Call c) {
        Map<String, Object> m = new HashMap<>();
        switch (name) {
            case "journal" -> {
                JournalQuery q = api.query(c);
                var page = s.journal().search(q);
                m.put("rows", page.rows());
                m.put("more", page.more());
                m.put("pageNo", q.page());
                m.put("q", flat(c));
            }
            case "cases" -> {
                boolean unmask = actions.unmask(c.principal(), c.flag("unmasked"), "case list");
                m.put(
                        "cases",
                        s.cases()
                                .list(
                                        c.param("service"),
                                        c.param("state"),
                                        c.param("agency"),
                                        c.param("caseId"),
                                        Math.max(0, c.intParam("page", 0)),
                                        50,
                                        unmask));
                m.put("q", flat(c));
            }
            case "deliveries" -> {
                m.put("deliveries", s.deliveries().open());
                m.put("notices", s.deliveries().unacknowledged());
            }
            case "traffic" -> m.put("services", charts(s.traffic().snapshot()));
            case "dependencies" -> m.putAll(dependencies.body());
            case "maintenance" -> m.put("maintenance", actions.maintenanceState());
            case "audit" -> m.put("entries", s.audit().recent(Math.max(0, c.intParam("page", 0)) * 100, 100));
            default -> throw new IllegalArgumentException("no page " + name);
        }
        return m;
    }

    /** The request's parameters, first values only, for the search forms to show back. */
    private static Map<String, String> flat(Call c) {
        Map<String, String> q = new HashMap<>();
        c.request().getParameterMap().forEach((k, v) -> q.put(k, v.length == 0 ? "" : v[0]));
        return q;
    }

    /** The message's page, or null when the message is unknown. */
    Map<String, Object> message(Call c, String id) {
        boolean unmask = actions.unmask(c.principal(), c.flag("unmasked"), "message " + id);
        MessageView view = s.messages().find(id, c.param("sender"), unmask);
        if (view == null) {
            return null;
        }
        Map<String, Object> m = new HashMap<>();
        m.put("m", view);
        m.put("unmasked", unmask);
        return m;
    }

    /** One service's traffic with its per-minute series as SVG polyline points (600 × 120). */
    record Chart(TrafficRing.ServiceTraffic traffic, String points, long peak, List<Refusals> refusals) {}

    /** Refusals of one reason in the last hour and day. */
    record Refusals(String reason, long hour, long day) {}

    static List<Chart> charts(List<TrafficRing.ServiceTraffic> services) {
        List<Chart> out = new ArrayList<>();
        for (TrafficRing.ServiceTraffic t : services) {
            long peak = Math.max(
                    1, t.perMinute().stream().mapToLong(Long::longValue).max().orElse(1));
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < t.perMinute().size(); i++) {
                long y = 115 - t.perMinute().get(i) * 110 / peak;
                points.append(i * 10).append(',').append(y).append(' ');
            }
            List<Refusals> refusals = new ArrayList<>();
            t.refusalsDay()
                    .forEach((reason, day) ->
                            refusals.add(new Refusals(reason, t.refusalsHour().getOrDefault(reason, 0L), day)));
            out.add(new Chart(t, points.toString().trim(), peak, refusals));
        }
        return out;
    }
}
