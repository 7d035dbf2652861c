package kz.shlyuz.gateway.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import kz.shlyuz.gateway.console.auth.Principal;

/**
 * One request to a route: who asks, the path's variables and the query parameters.
 *
 * @param vars the values of the route template's {@code {name}} parts
 */
record Call(HttpServletRequest request, HttpServletResponse response, Principal principal, Map<String, String> vars) {

    /** A query parameter, null when absent or blank. */
    String param(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    int intParam(String name, int fallback) {
        String v = param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + v + " is not a number");
        }
    }

    /** An instant given as ISO-8601 ({@code 2026-12-02T06:00:00Z}) or as a local time of the page's form. */
    Instant instantParam(String name) {
        String v = param(name);
        if (v == null) {
            return null;
        }
        try {
            return v.endsWith("Z") || v.contains("+")
                    ? Instant.parse(v)
                    : Instant.parse(v + (v.length() == 16 ? ":00Z" : "Z"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": " + v + " (expected ISO-8601, e.g. 2026-12-02T06:00:00Z)");
        }
    }

    boolean flag(String name) {
        return "true".equals(param(name));
    }
}
