package kz.shlyuz.gateway.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.console.auth.Permission;
import kz.shlyuz.gateway.console.auth.Principal;
import kz.shlyuz.gateway.ops.maintenance.Maintenance;

/**
 * The console's state changes and unmasked reads, each written to the audit log: the API and the
 * pages both act through here, so neither can forget the audit. The audit line is written before
 * the effect is reported; if it cannot be written the request fails.
 */
final class Actions {
    private final ConsoleServices s;

    Actions(ConsoleServices services) {
        this.s = services;
    }

    /** What one resend or stop of a delivery came to. */
    record Outcome(long id, boolean done) {}

    List<Outcome> resend(Principal who, List<Long> ids) {
        List<Outcome> out = new ArrayList<>();
        for (long id : ids) {
            boolean done = s.engine().resendDelivery(id);
            s.audit().record(who, "delivery.resend", "outbox " + id, done ? "ok" : "not-waiting");
            out.add(new Outcome(id, done));
        }
        return out;
    }

    List<Outcome> stop(Principal who, List<Long> ids) {
        List<Outcome> out = new ArrayList<>();
        for (long id : ids) {
            boolean done = s.engine().stopDelivery(id);
            s.audit().record(who, "delivery.stop", "outbox " + id, done ? "ok" : "not-waiting");
            out.add(new Outcome(id, done));
        }
        return out;
    }

    Map<String, Object> maintenance(Principal who, boolean on) {
        Maintenance.State state = s.ops().maintenance().set(on, "console " + who.username());
        s.audit().record(who, on ? "maintenance.on" : "maintenance.off", null, "ok");
        return maintenanceBody(state);
    }

    Map<String, Object> maintenanceState() {
        return maintenanceBody(s.ops().maintenance().state());
    }

    private Map<String, Object> maintenanceBody(Maintenance.State state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("on", state.on());
        body.put("since", state.since());
        body.put("by", state.by());
        body.put("inFlightCalls", s.ops().inFlightCalls());
        return body;
    }

    /**
     * Whether this read shows IINs in full: only when asked ({@code unmasked=true}) by a role that
     * may, and then audited with what was shown.
     */
    boolean unmask(Principal who, boolean asked, String what) {
        if (!asked || !who.may(Permission.UNMASK)) {
            return false;
        }
        s.audit().record(who, "iin.view", what, "ok");
        return true;
    }

    /** A refused attempt at a state change (a role without the permission), for the audit log. */
    void refused(Principal who, String action, String target) {
        s.audit().record(who, action, target, "refused");
    }
}
