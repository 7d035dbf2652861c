package kz.shlyuz.certs.ocsp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostPrivateKey;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OCSP responder over HTTP (POST {@code application/ocsp-request}, or GET with the request in
 * base64 in the path). Each request is answered by the CA that issued the certificates it asks
 * about, signed with that CA's key; a request about several CAs' certificates, or about an issuer
 * this responder does not serve, is answered {@code unauthorized}. The nonce, when sent, is
 * echoed; thisUpdate is now and nextUpdate now + {@code validity}.
 */
public final class OcspResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int MAX_REQUESTS_PER_MESSAGE = 16;
    private static final String RESPONSE_TYPE = "application/ocsp-response";

    /** A CA this responder answers for: its certificate and the key that signs its responses. */
    public record Authority(X509Certificate certificate, PrivateKey key) {
        public Authority {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "Authority[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Authority> authorities;
    private final CertificateStatuses statuses;
    private final Clock clock;
    private final Duration validity;
    private final DigestCalculatorProvider digests = GostOperators.digestCalculatorProvider();

    private OcspResponder(
            HttpServer server,
            ExecutorService executor,
            List<Authority> authorities,
            CertificateStatuses statuses,
            Clock clock,
            Duration validity) {
        this.server = server;
        this.executor = executor;
        this.authorities = authorities;
        this.statuses = statuses;
        this.clock = clock;
        this.validity = validity;
    }

    /**
     * Starts answering on {@code address} (port 0 for any free port).
     *
     * @param validity how long an answer is fresh (its nextUpdate − thisUpdate)
     */
    public static OcspResponder start(
            InetSocketAddress address,
            List<Authority> authorities,
            CertificateStatuses statuses,
            Clock clock,
            Duration validity)
            throws IOException {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("authorities: empty (expected: at least one CA)");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity: " + validity + " (expected: > 0)");
        }
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "ocsp-responder");
            thread.setDaemon(true);
            return thread;
        });
        OcspResponder responder =
                new OcspResponder(server, executor, List.copyOf(authorities), statuses, clock, validity);
        server.createContext("/", responder::handle);
        server.setExecutor(executor);
        server.start();
        log.info("OCSP responder on {} for {}", responder.uri(), authorities);
        return responder;
    }

    /** Where to send requests. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/ocsp");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            if ("POST".equals(exchange.getRequestMethod())) {
                request = readLimited(exchange.getRequestBody());
            } else if ("GET".equals(exchange.getRequestMethod())) {
                String path = exchange.getRequestURI().getRawPath();
                String encoded = java.net.URLDecoder.decode(
                        path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.US_ASCII);
                request = encoded.length() > MAX_REQUEST_BYTES * 2 ? null : decode(encoded);
            } else {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] response = answer(request);
            exchange.getResponseHeaders().set("Content-Type", RESPONSE_TYPE);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /** The DER OCSPResponse for a DER OCSPRequest (null: unreadable). */
    byte[] answer(byte[] requestBytes) {
        try {
            if (requestBytes == null) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            OCSPReq request;
            try {
                request = new OCSPReq(requestBytes);
            } catch (IOException | RuntimeException e) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] items = request.getRequestList();
            if (items.length == 0 || items.length > MAX_REQUESTS_PER_MESSAGE) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Authority authority = authorityFor(items[0].getCertID());
            if (authority == null) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(validity));
            X509CertificateHolder caHolder =
                    new X509CertificateHolder(authority.certificate().getEncoded());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(caHolder.getSubject()));
            for (Req item : items) {
                CertificateID id = item.getCertID();
                if (!id.matchesIssuer(caHolder, digests)) {
                    return status(OCSPRespBuilder.UNAUTHORIZED);
                }
                CertificateStatus status = statuses.status(authority.certificate(), id.getSerialNumber());
                org.bouncycastle.cert.ocsp.CertificateStatus answer;
                if (status instanceof CertificateStatus.Revoked revoked) {
                    answer = new RevokedStatus(Date.from(revoked.at()), revoked.reason());
                } else if (status instanceof CertificateStatus.Good) {
                    answer = org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
                } else {
                    answer = new UnknownStatus();
                }
                builder.addResponse(id, answer, thisUpdate, nextUpdate);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            var basic = builder.build(signer(authority.key()), new X509CertificateHolder[] {caHolder}, thisUpdate);
            return new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
        } catch (OCSPException | IOException | CertificateEncodingException | OperatorCreationException e) {
            log.warn("OCSP responder cannot answer: {}", e.toString());
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private Authority authorityFor(CertificateID id) throws OCSPException, CertificateEncodingException, IOException {
        for (Authority authority : authorities) {
            if (id.matchesIssuer(
                    new X509CertificateHolder(authority.certificate().getEncoded()), digests)) {
                return authority;
            }
        }
        return null;
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        if (key instanceof GostPrivateKey gost) {
            return GostOperators.contentSigner(gost, new java.security.SecureRandom());
        }
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    private static byte[] status(int code) {
        try {
            return new OCSPRespBuilder().build(code, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
