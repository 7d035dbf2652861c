package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.config.OpsSettings;
import kz.shlyuz.gateway.ops.admin.AdminTls;
import org.junit.jupiter.api.Test;

/**
 * The admin listener over HTTPS with {@code trustLoopback: false}, as on a host shared with other
 * accounts: reading health needs no certificate, but changing maintenance mode needs a client
 * certificate whose CN is in {@code ops.admin.adminClients} — not none, not another system's — and
 * the answer names who asked.
 */
class AdminClientCertificateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyAnAdminClientCertificateSwitchesMaintenanceWhenLoopbackIsNotTrusted() throws Exception {
        try (OpsEnvironment env = new OpsEnvironment(Clock.systemUTC(), c -> {
            OpsSettings.Admin a = c.ops().admin();
            return c.withOps(c.ops()
                    .withAdmin(new OpsSettings.Admin(
                            a.enabled(), a.host(), a.port(), Set.of("egov-portal"), true, false)));
        })) {
            URI base =
                    URI.create("https://127.0.0.1:" + env.gateway.operations().adminPort());
            HttpClient anonymous = client(trustOnly(env));
            HttpClient operator = client(AdminTls.context(tls(env, "egov-portal")));
            HttpClient otherSystem = client(AdminTls.context(tls(env, "hkko")));

            assertEquals(
                    200,
                    send(anonymous, get(base, "/health/live")).statusCode(),
                    "health is read without a certificate");
            HttpResponse<String> none = send(anonymous, post(base, "on"));
            assertEquals(403, none.statusCode(), none.body());
            assertTrue(none.body().contains("ops.admin.adminClients"), none.body());
            assertFalse(none.body().contains("from loopback"), "loopback is not offered: " + none.body());
            assertEquals(403, send(otherSystem, post(base, "on")).statusCode(), "a system not named is refused");
            assertEquals(200, send(operator, get(base, "/health/ready")).statusCode(), "still serving");

            HttpResponse<String> on = send(operator, post(base, "on"));
            assertEquals(200, on.statusCode(), on.body());
            JsonNode body = JSON.readTree(on.body());
            assertTrue(body.path("maintenance").asBoolean());
            assertEquals("admin certificate egov-portal", body.path("by").asText());
            assertEquals(503, send(anonymous, get(base, "/health/ready")).statusCode());

            assertEquals(403, send(otherSystem, post(base, "off")).statusCode());
            assertEquals(200, send(operator, post(base, "off")).statusCode());
            assertEquals(200, send(anonymous, get(base, "/health/ready")).statusCode());
        }
    }

    private static TlsFiles tls(OpsEnvironment env, String system) {
        return new TlsFiles(env.pki.tlsCertChainPem(system), env.pki.tlsKeyPem(system), env.pki.tlsTrustPem());
    }

    /** Trusts the gateway's CA and presents no certificate. */
    private static SSLContext trustOnly(OpsEnvironment env) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        try (var in = java.nio.file.Files.newInputStream(env.pki.tlsTrustPem())) {
            for (var c :
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
        }
        javax.net.ssl.TrustManagerFactory tmf =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
    }

    private static HttpRequest post(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("/maintenance"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
