package kz.shlyuz.gateway.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.console.auth.Permission;
import kz.shlyuz.gateway.console.data.JournalQuery;
import kz.shlyuz.gateway.console.data.MessageView;

/**
 * The management API's routes under {@code /api/v1} (issue 14.1–14.2). Each is described in
 * {@code /api/openapi.json}; a test keeps the two the same.
 */
final class ApiRoutes {
    private final ConsoleServices s;
    private final Actions actions;
    private final DependencyView dependencies;

    ApiRoutes(ConsoleServices services, Actions actions) {
        this.s = services;
        this.actions = actions;
        this.dependencies = new DependencyView(services.ops());
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("GET", "/api/v1/me", Permission.READ, false, this::me));
        r.add(new Route("GET", "/api/v1/journal", Permission.READ, false, this::journal));
        r.add(new Route("GET", "/api/v1/messages/{id}", Permission.READ, false, this::message));
        r.add(new Route(
                "GET", "/api/v1/messages/{id}/evidence", Permission.EXPORT_EVIDENCE, true, new EvidenceDownload(s)));
        r.add(new Route("GET", "/api/v1/cases", Permission.READ, false, this::cases));
        r.add(new Route("GET", "/api/v1/cases/{id}", Permission.READ, false, this::oneCase));
        r.add(new Route("GET", "/api/v1/deliveries", Permission.READ, false, c -> deliveries()));
        r.add(new Route("POST", "/api/v1/deliveries/{id}/resend", Permission.OPERATE, true, c -> one(c, true)));
        r.add(new Route("POST", "/api/v1/deliveries/{id}/stop", Permission.OPERATE, true, c -> one(c, false)));
        r.add(new Route("POST", "/api/v1/deliveries/resend", Permission.OPERATE, true, c -> bulk(c, true)));
        r.add(new Route("POST", "/api/v1/deliveries/stop", Permission.OPERATE, true, c -> bulk(c, false)));
        r.add(new Route(
                "GET",
                "/api/v1/traffic",
                Permission.READ,
                false,
                c -> Map.of("services", s.traffic().snapshot())));
        r.add(new Route("GET", "/api/v1/dependencies", Permission.READ, false, c -> dependencies.body()));
        r.add(new Route("GET", "/api/v1/maintenance", Permission.READ, false, c -> actions.maintenanceState()));
        r.add(new Route("POST", "/api/v1/maintenance", Permission.OPERATE, true, this::maintenance));
        r.add(new Route("GET", "/api/v1/audit", Permission.SECURITY, false, this::audit));
        r.add(new Route("GET", "/api/v1/configuration", Permission.SECURITY, false, c -> dependencies.configuration()));
        return r;
    }

    private Object me(Call c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", c.principal().username());
        body.put("role", c.principal().role().id());
        List<String> grants = new ArrayList<>();
        for (Permission p : Permission.values()) {
            if (c.principal().may(p)) {
                grants.add(p.name());
            }
        }
        body.put("permissions", grants);
        return body;
    }

    /** The journal search of the request's parameters; an IIN must be valid and is audited (masked). */
    JournalQuery query(Call c) {
        String iin = c.param("iin");
        if (iin != null && !Iin.isValid(iin)) {
            throw new IllegalArgumentException("iin: not a valid IIN (12 digits with a valid check digit)");
        }
        if (iin != null) {
            s.audit().record(c.principal(), "journal.search", "IIN " + Iin.mask(iin), "ok");
        }
        return new JournalQuery(
                c.param("messageId"),
                c.param("correlationId"),
                c.param("sender"),
                c.param("service"),
                iin,
                c.instantParam("from"),
                c.instantParam("to"),
                c.param("outcome"),
                c.param("reason"),
                c.intParam("page", 0),
                c.intParam("size", 50));
    }

    private Object journal(Call c) {
        var page = s.journal().search(query(c));
        return Map.of("rows", page.rows(), "more", page.more(), "page", c.intParam("page", 0));
    }

    private Object message(Call c) {
        String id = c.vars().get("id");
        boolean unmask = actions.unmask(c.principal(), c.flag("unmasked"), "message " + id);
        MessageView view = s.messages().find(id, c.param("sender"), unmask);
        return view == null ? new Route.Reply(404, Map.of("error", "no message " + id + " in the journal")) : view;
    }

    private Object cases(Call c) {
        boolean unmask = actions.unmask(c.principal(), c.flag("unmasked"), "case list");
        return Map.of(
                "cases",
                s.cases()
                        .list(
                                c.param("service"),
                                c.param("state"),
                                c.param("agency"),
                                null,
                                c.intParam("page", 0),
                                Math.min(200, Math.max(1, c.intParam("size", 50))),
                                unmask));
    }

    private Object oneCase(Call c) {
        String id = c.vars().get("id");
        boolean unmask = actions.unmask(c.principal(), c.flag("unmasked"), "case " + id);
        var found = s.cases().list(null, null, null, id, 0, 1, unmask);
        return found.isEmpty() ? new Route.Reply(404, Map.of("error", "no case " + id)) : found.get(0);
    }

    private Object deliveries() {
        return Map.of(
                "deliveries",
                s.deliveries().open(),
                "unacknowledgedNotices",
                s.deliveries().unacknowledged());
    }

    private Object one(Call c, boolean resend) {
        long id;
        try {
            id = Long.parseLong(c.vars().get("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id: not an outbox id");
        }
        var outcome = resend ? actions.resend(c.principal(), List.of(id)) : actions.stop(c.principal(), List.of(id));
        return outcome.get(0).done()
                ? outcome.get(0)
                : new Route.Reply(409, Map.of("error", "outbox " + id + " is not an agency call waiting for delivery"));
    }

    private Object bulk(Call c, boolean resend) throws IOException {
        JsonNode body = Json.read(c.request());
        List<Long> ids = new ArrayList<>();
        body.path("ids").forEach(n -> ids.add(n.asLong()));
        if (ids.isEmpty() || ids.size() > 500) {
            throw new IllegalArgumentException("ids: 1 to 500 outbox ids, e.g. {\"ids\": [12, 13]}");
        }
        return Map.of("results", resend ? actions.resend(c.principal(), ids) : actions.stop(c.principal(), ids));
    }

    private Object maintenance(Call c) throws IOException {
        JsonNode on = Json.read(c.request()).get("on");
        if (on == null || !on.isBoolean()) {
            throw new IllegalArgumentException("body must be {\"on\": true} or {\"on\": false}");
        }
        return actions.maintenance(c.principal(), on.asBoolean());
    }

    private Object audit(Call c) {
        int size = Math.min(500, Math.max(1, c.intParam("size", 100)));
        return Map.of("entries", s.audit().recent(c.intParam("page", 0) * size, size));
    }
}
