package kz.shlyuz.gateway.console.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.gateway.console.auth.Accounts;
import kz.shlyuz.gateway.console.auth.Principal;
import kz.shlyuz.gateway.console.auth.Role;

/**
 * In front of every request: secure headers, then who is asking — a console session (login form)
 * or HTTP Basic (scripts) — then the rate limit, then for a session's POST its CSRF token. The
 * principal is left in the request's {@link #PRINCIPAL} attribute; roles are checked per route.
 */
final class Guard implements Filter {
    static final String PRINCIPAL = "shlyuz.principal";
    static final String SESSION_PRINCIPAL = "principal";
    static final String SESSION_CSRF = "csrf";

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Accounts accounts;
    private final RateLimit limit;

    Guard(Accounts accounts, RateLimit limit) {
        this.accounts = accounts;
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        headers(response);
        String path = request.getRequestURI();
        boolean api = path.startsWith("/api/");
        boolean open = path.equals("/login") || path.startsWith("/static/") || path.equals("/api/openapi.json");
        Optional<Principal> who = basic(request);
        HttpSession session = request.getSession(false);
        boolean bySession = false;
        if (who.isEmpty() && request.getHeader("Authorization") == null && session != null) {
            who = Optional.ofNullable((Principal) session.getAttribute(SESSION_PRINCIPAL));
            bySession = who.isPresent();
        }
        long wait = limit.take(who.map(Principal::username).orElse("addr:" + request.getRemoteAddr()));
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            Json.write(response, 429, Map.of("error", "rate limit: too many requests, retry in " + wait + " s"));
            return;
        }
        if (who.isEmpty() && !open) {
            if (api || request.getHeader("Authorization") != null) {
                Json.write(response, 401, Map.of("error", "log in: HTTP Basic with a console account"));
            } else {
                response.sendRedirect("/login");
            }
            return;
        }
        if (bySession && request.getMethod().equals("POST") && !csrfHolds(request, session)) {
            Json.write(response, 403, Map.of("error", "CSRF token missing or wrong: reload the page"));
            return;
        }
        who.ifPresent(p -> request.setAttribute(PRINCIPAL, p));
        chain.doFilter(request, response);
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
        response.setHeader("Cache-Control", "no-store");
    }

    private Optional<Principal> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        Optional<Role> role = accounts.authenticate(user, decoded.substring(colon + 1));
        return role.map(r -> new Principal(user, r, request.getRemoteAddr()));
    }

    private static boolean csrfHolds(HttpServletRequest request, HttpSession session) {
        String expected = (String) session.getAttribute(SESSION_CSRF);
        String given = request.getHeader("X-CSRF-Token");
        if (given == null) {
            given = request.getParameter("csrf");
        }
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
