package kz.shlyuz.gateway.console.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.console.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/*}: the OpenAPI document, then the routes of {@link ApiRoutes} — 404 for an
 * unknown path, 405 for a known path with another method, 403 when the account's role lacks the
 * route's permission (written to the audit log for a state-changing route), 400 for bad input.
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ApiServlet.class);
    /** The OpenAPI document on the class path. */
    static final String OPENAPI = "/kz/shlyuz/gateway/console/openapi.json";

    private final transient List<Route> routes;
    private final transient Actions actions;

    ApiServlet(List<Route> routes, Actions actions) {
        this.routes = routes;
        this.actions = actions;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals("/api/openapi.json") && request.getMethod().equals("GET")) {
            response.setContentType("application/json; charset=utf-8");
            try (InputStream in = ApiServlet.class.getResourceAsStream(OPENAPI)) {
                in.transferTo(response.getOutputStream());
            }
            return;
        }
        Principal who = (Principal) request.getAttribute(Guard.PRINCIPAL);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> vars = route.match(path);
            if (vars == null) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.getMethod())) {
                continue;
            }
            if (!who.may(route.permission())) {
                if (route.audited()) {
                    actions.refused(who, route.method() + " " + route.template(), path);
                }
                Json.write(
                        response,
                        403,
                        Map.of(
                                "error",
                                "role " + who.role().id() + " may not do this (needs " + route.permission() + ")"));
                return;
            }
            answer(route, new Call(request, response, who, vars));
            return;
        }
        Json.write(
                response, pathKnown ? 405 : 404, Map.of("error", pathKnown ? "method not allowed" : "no such route"));
    }

    private static void answer(Route route, Call call) throws IOException {
        Object result;
        try {
            result = route.handler().handle(call);
        } catch (IllegalArgumentException e) {
            Json.write(call.response(), 400, Map.of("error", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            log.error("console: {} {} failed", route.method(), route.template(), e);
            Json.write(call.response(), 500, Map.of("error", "internal error; see the gateway's log"));
            return;
        }
        if (result instanceof Route.Reply reply) {
            Json.write(call.response(), reply.status(), reply.body());
        } else if (result != null) {
            Json.write(call.response(), 200, result);
        }
    }
}
