package kz.shlyuz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.ops.admin.AdminTls;

/** Talks to a running gateway's admin listener (doctor, maintenance). */
final class AdminClient {
    static final String DEFAULT = "http://127.0.0.1:9464";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {}

    private final URI base;
    private final HttpClient http;

    /**
     * @param base the admin listener, e.g. {@code http://127.0.0.1:9464}; {@code HOST:PORT} means plain HTTP
     * @param tls the admin client certificate, its key and the CA of the listener's certificate; null: none
     */
    AdminClient(String base, TlsFiles tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
        if (tls != null) {
            // The same PEM reading as the listener's own TLS: a key and chain to present, a CA to trust.
            builder.sslContext(AdminTls.context(tls));
        }
        this.http = builder.build();
        String url = base.contains("://") ? base : "http://" + base;
        try {
            this.base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new UsageError(
                    "--admin: '" + base + "' (expected: http://HOST:PORT or HOST:PORT, e.g. 127.0.0.1:9464)");
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    String base() {
        return base.toString();
    }
}
