package kz.shlyuz.gateway.console.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.shlyuz.gateway.console.auth.Accounts;
import kz.shlyuz.gateway.console.auth.Permission;
import kz.shlyuz.gateway.console.auth.Principal;
import kz.shlyuz.gateway.console.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's pages (issue 14.2): the login form and session, the language switch, each page
 * rendered from {@link PageModels}, and the forms' actions (resend, stop, maintenance), which
 * need the operator role like the API's.
 */
final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(PageServlet.class);
    private static final List<String> PAGES =
            List.of("journal", "cases", "deliveries", "traffic", "dependencies", "maintenance", "audit");

    private final transient ConsoleServices services;
    private final transient Actions actions;
    private final transient Accounts accounts;
    private final transient Pages pages = new Pages();
    private final transient PageModels models;
    private final transient SecureRandom random = new SecureRandom();

    PageServlet(ConsoleServices services, Actions actions, Accounts accounts) {
        this.services = services;
        this.actions = actions;
        this.accounts = accounts;
        this.models = new PageModels(services, actions);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String lang = language(request);
        try {
            if (path.startsWith("/static/")) {
                asset(path.substring("/static/".length()), response);
            } else if (path.equals("/login")) {
                login(request, response, lang);
            } else if (path.equals("/logout") && request.getMethod().equals("POST")) {
                Optional.ofNullable(request.getSession(false)).ifPresent(HttpSession::invalidate);
                response.sendRedirect("/login");
            } else if (path.equals("/")) {
                response.sendRedirect("/journal");
            } else {
                page(request, response, path, lang);
            }
        } catch (IllegalArgumentException e) {
            Json.write(response, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.error("console page {} failed", path, e);
            Json.write(response, 500, Map.of("error", "internal error; see the gateway's log"));
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, String path, String lang)
            throws IOException {
        Principal who = (Principal) request.getAttribute(Guard.PRINCIPAL);
        Call call = new Call(request, response, who, Map.of());
        String name;
        Map<String, Object> model;
        if (path.startsWith("/messages/") && path.length() > "/messages/".length()) {
            name = "message";
            model = models.message(
                    call, java.net.URLDecoder.decode(path.substring("/messages/".length()), StandardCharsets.UTF_8));
        } else if (PAGES.contains(path.substring(1))) {
            name = path.substring(1);
            if (request.getMethod().equals("POST")) {
                act(call, name);
                response.sendRedirect(path);
                return;
            }
            if (name.equals("audit") && !who.may(Permission.SECURITY)) {
                forbidden(response, who, lang);
                return;
            }
            model = models.page(name, call);
        } else {
            response.sendError(404);
            return;
        }
        if (model == null) {
            response.sendError(404);
            return;
        }
        model.put("page", name);
        model.put("me", who);
        model.put("canOperate", who.may(Permission.OPERATE));
        model.put("canAudit", who.may(Permission.SECURITY));
        model.put("canExport", who.may(Permission.EXPORT_EVIDENCE));
        model.put("canUnmask", who.may(Permission.UNMASK));
        HttpSession session = request.getSession(false);
        model.put("csrf", session == null ? "" : session.getAttribute(Guard.SESSION_CSRF));
        html(response, 200, pages.render(name, lang, model));
    }

    /** A form's action: resend or stop the ticked deliveries, or switch maintenance. */
    private void act(Call call, String page) {
        Principal who = call.principal();
        if (!who.may(Permission.OPERATE)) {
            actions.refused(who, "page " + page, call.param("action"));
            throw new IllegalArgumentException("role " + who.role().id() + " may not do this");
        }
        if (page.equals("deliveries")) {
            List<Long> ids = new ArrayList<>();
            String[] values = call.request().getParameterValues("id");
            for (String v : values == null ? new String[0] : values) {
                ids.add(Long.parseLong(v));
            }
            if ("stop".equals(call.param("action"))) {
                actions.stop(who, ids);
            } else {
                actions.resend(who, ids);
            }
        } else if (page.equals("maintenance")) {
            actions.maintenance(who, "true".equals(call.param("on")));
        } else {
            throw new IllegalArgumentException("nothing to do on " + page);
        }
    }

    private void forbidden(HttpServletResponse response, Principal who, String lang) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("page", "forbidden");
        model.put("me", who);
        model.put("canAudit", false);
        model.put("csrf", "");
        html(response, 403, pages.render("forbidden", lang, model));
    }

    private void login(HttpServletRequest request, HttpServletResponse response, String lang) throws IOException {
        Map<String, Object> model = new HashMap<>();
        if (request.getMethod().equals("POST")) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            Optional<Role> role =
                    user == null || password == null ? Optional.empty() : accounts.authenticate(user, password);
            if (role.isPresent()) {
                Optional.ofNullable(request.getSession(false)).ifPresent(HttpSession::invalidate);
                HttpSession session = request.getSession(true);
                Principal who = new Principal(user, role.get(), request.getRemoteAddr());
                session.setAttribute(Guard.SESSION_PRINCIPAL, who);
                byte[] token = new byte[24];
                random.nextBytes(token);
                session.setAttribute(
                        Guard.SESSION_CSRF, java.util.HexFormat.of().formatHex(token));
                session.setAttribute("lang", lang);
                services.audit().record(who, "login", null, "ok");
                response.sendRedirect("/journal");
                return;
            }
            model.put("failed", true);
        }
        html(response, 200, pages.render("login", lang, model));
    }

    private static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        HttpSession session = request.getSession(false);
        if (asked != null && Pages.LANGUAGES.contains(asked)) {
            if (session != null) {
                session.setAttribute("lang", asked);
            }
            return asked;
        }
        Object kept = session == null ? null : session.getAttribute("lang");
        return kept instanceof String s ? s : Pages.LANGUAGES.get(0);
    }

    private static void asset(String name, HttpServletResponse response) throws IOException {
        if (!name.matches("[a-z-]+\\.(css|js)")) {
            response.sendError(404);
            return;
        }
        try (InputStream in = PageServlet.class.getClassLoader().getResourceAsStream(Pages.ROOT + "static/" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(
                    name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            response.setHeader("Cache-Control", "max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }

    private static void html(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
