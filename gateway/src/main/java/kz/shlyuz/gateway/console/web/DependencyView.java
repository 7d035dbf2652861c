package kz.shlyuz.gateway.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.ops.Operations;
import kz.shlyuz.gateway.ops.health.Dependency;
import kz.shlyuz.gateway.ops.health.Readiness;

/**
 * The dependencies page: readiness's checks (adapters, OCSP, TSA, database, trust) as green, amber
 * or red with the last check's time, and the certificates, trust anchors and CRLs with their expiry
 * from what {@code ./shlyuz doctor} reads.
 */
final class DependencyView {
    private final Operations ops;

    DependencyView(Operations ops) {
        this.ops = ops;
    }

    static String colour(Dependency.State state) {
        return switch (state) {
            case UP -> "green";
            case DEGRADED -> "amber";
            case DOWN -> "red";
        };
    }

    Map<String, Object> body() {
        Readiness.Report report = ops.readiness().report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", report.ready());
        body.put("checkedAt", report.checkedAt());
        body.put("maintenance", report.maintenance().on());
        List<Map<String, Object>> deps = new ArrayList<>();
        for (Dependency d : report.dependencies()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", d.name());
            one.put("state", d.state());
            one.put("colour", colour(d.state()));
            one.put("required", d.required());
            one.put("detail", d.detail());
            one.put("facts", d.facts());
            deps.add(one);
        }
        body.put("dependencies", deps);
        Map<String, Object> doctor = ops.doctorStatus();
        body.put("certificates", expiries(doctor.get("certificates")));
        body.put("crls", expiries(doctor.get("crls")));
        return body;
    }

    /** Doctor's expiry rows with a colour: red when past, amber within its warning days. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expiries(Object rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                Map<String, Object> one = new LinkedHashMap<>((Map<String, Object>) row);
                long days = ((Number) one.getOrDefault("days", 0L)).longValue();
                boolean attention = Boolean.TRUE.equals(one.get("attention"));
                one.put("colour", days < 0 ? "red" : attention ? "amber" : "green");
                out.add(one);
            }
        }
        return out;
    }

    /** The security role's configuration view: doctor's summary and the weakened checks. */
    Map<String, Object> configuration() {
        Map<String, Object> doctor = ops.doctorStatus();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", doctor.get("version"));
        body.put("config", doctor.get("config"));
        body.put("weakenedChecks", doctor.get("weakenedChecks"));
        return body;
    }
}
