package kz.shlyuz.gateway.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import kz.shlyuz.gateway.ops.admin.AdminServer;

/** JSON in and out, with the admin listener's mapper (instants as ISO-8601 text). */
final class Json {
    private static final int MAX_BODY = 64 * 1024;

    private Json() {}

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(AdminServer.JSON.writeValueAsBytes(body));
    }

    /** The request's JSON body (at most 64 KiB); an empty body is an empty object. */
    static JsonNode read(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than 64 KiB");
            }
            return bytes.length == 0 ? AdminServer.JSON.createObjectNode() : AdminServer.JSON.readTree(bytes);
        }
    }
}
