package kz.shlyuz.gateway.console.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.shlyuz.gateway.console.auth.Permission;

/**
 * One API route: a method, a path template ({@code /api/v1/messages/{id}}) as the OpenAPI document
 * names it, the permission it needs, and what it does.
 *
 * @param audited the route changes state: refusals of it are written to the audit log too
 */
record Route(String method, String template, Permission permission, boolean audited, Handler handler) {

    /** What a route does: the JSON body to answer with 200, or a {@link Reply}, or null when it wrote itself. */
    interface Handler {
        Object handle(Call call) throws IOException;
    }

    /** An answer with another status than 200. */
    record Reply(int status, Object body) {}

    /** The template's variables when {@code path} fits it, else null. */
    Map<String, String> match(String path) {
        String[] want = template.split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                vars.put(want[i].substring(1, want[i].length() - 1), URLDecoder.decode(got[i], StandardCharsets.UTF_8));
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return vars;
    }
}
