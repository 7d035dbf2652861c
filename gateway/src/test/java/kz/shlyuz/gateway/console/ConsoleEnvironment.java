package kz.shlyuz.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestGateway;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.ProcessSettings;
import kz.shlyuz.gateway.console.auth.DevAccounts;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * A gateway with its console on a free port and development accounts, an HTTPS client that
 * trusts the dev PKI, and a retry policy that gives a call up at its first failure, so that a
 * stopped adapter makes a failed delivery at once.
 */
public final class ConsoleEnvironment implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-20T04:00:00Z");

    public final AdjustableClock clock = new AdjustableClock(START);
    public final RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
    public final TestGateway test;
    public final GatewayServer gateway;
    public final HttpClient http;
    /** Username and password per role id, from the accounts file the console wrote. */
    public final Map<String, String[]> accounts = new LinkedHashMap<>();

    public ConsoleEnvironment(Set<String> down) throws IOException {
        test = TestGateway.builder()
                .down(down)
                .processes(new GatewayServer.Processes(clock, Duration.ofMillis(20), Duration.ofSeconds(10), "c14", 4))
                .config(c -> c.withConsole(c.console().enabledOn(0).withRequestsPerMinute(1_000_000))
                        .withProcess(c.process()
                                .withRetry(
                                        new ProcessSettings.Retry(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0))))
                .folderPrefix("shlyuz-console-")
                .start();
        gateway = test.gateway;
        for (String line : Files.readAllLines(test.dir.resolve(DevAccounts.FILE), StandardCharsets.UTF_8)) {
            String[] p = line.split(" ");
            accounts.put(p[0], new String[] {p[1], p[2]});
        }
        http = HttpClient.newBuilder()
                .sslContext(trusting(test.pki.tlsTrustPem()))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An SSL context that trusts the certificates of a PEM file. */
    public static SSLContext trusting(java.nio.file.Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return gateway.console().url() + path.substring(1);
    }

    private HttpRequest.Builder as(String role, String path) {
        String[] account = accounts.get(role);
        String basic =
                Base64.getEncoder().encodeToString((account[0] + ":" + account[1]).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic);
    }

    public HttpResponse<String> get(String role, String path) {
        return send(as(role, path).GET().build());
    }

    public HttpResponse<String> post(String role, String path, String json) {
        return send(as(role, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The system ids of the signers for {@code names} (dev PKI key names). */
    public List<kz.shlyuz.certs.cms.SignerKey> keys(String... names) {
        return List.of(names).stream().map(test.pki::signerKey).toList();
    }

    /** A portal request for aidar-clean's address certificate, not yet signed. */
    public static kz.shlyuz.proto.v1.RequestContent addressCertificateRequest() {
        return RequestBuilder.content(
                "egov-portal",
                "ADDRESS_CERTIFICATE",
                kz.shlyuz.proto.v1.AddressCertificateRequest.newBuilder()
                        .setIin(kz.shlyuz.certs.identity.Persona.CLEAN.iin().value())
                        .build(),
                Instant.now());
    }

    /** {@code content} signed by aidar-clean, as the portal sends it. */
    public kz.shlyuz.proto.v1.SignedRequest signedByTheCitizen(kz.shlyuz.proto.v1.RequestContent content) {
        return requests.sign(content, keys(kz.shlyuz.certs.identity.Persona.CLEAN.key()));
    }

    @Override
    public void close() {
        test.close();
    }
}
