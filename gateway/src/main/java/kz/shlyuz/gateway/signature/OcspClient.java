package kz.shlyuz.gateway.signature;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostOperators;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Asks an OCSP responder (RFC 6960) about one certificate and believes the answer only when it
 * is signed by the certificate's issuer (or a responder the issuer delegated to with the
 * OCSPSigning key purpose), echoes this request's nonce, is about this certificate, and is fresh:
 * thisUpdate not in the future, nextUpdate (or thisUpdate + maxAge) not in the past. Good and
 * revoked answers are cached until the earlier of their nextUpdate and {@code cacheTtl}, within the
 * cache bound of its {@link OcspSettings}.
 *
 * <p>Every call has one deadline for the whole exchange, body included ({@link BoundedPost}), and
 * the body is read up to a limit. A responder that is unreachable, times out (before or after its
 * headers) or answers an HTTP error is remembered as down for a while
 * ({@link CircuitBreaker}): the calls after it are told at once that it failed, instead of each
 * waiting for the timeout; the revocation policy then decides as for any failure (CRL, then
 * refuse or soft-fail).
 */
final class OcspClient {
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final int CACHE_ENTRY_BYTES = 512;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** What the responder said, or why it could not be used. */
    sealed interface Answer {
        /** The certificate is good; {@code response}: the DER OCSPResponse judged (kept as evidence). */
        record Good(Instant thisUpdate, Instant nextUpdate, boolean cached, ByteString response) implements Answer {
            Good(Instant thisUpdate, Instant nextUpdate, boolean cached) {
                this(thisUpdate, nextUpdate, cached, null);
            }
        }

        /** The certificate is revoked; {@code response}: the DER OCSPResponse judged (kept as evidence). */
        record Revoked(Instant at, String reason, boolean cached, ByteString response) implements Answer {
            Revoked(Instant at, String reason, boolean cached) {
                this(at, reason, cached, null);
            }
        }

        /** No usable answer; {@code unreachable}: the responder itself failed (then left alone a while). */
        record Failed(String why, boolean unreachable) implements Answer {
            Failed(String why) {
                this(why, false);
            }
        }
    }

    private record Cached(Answer answer, Instant expires) {}

    private final HttpClient http;
    private final OcspSettings settings;
    private final Clock clock;
    private final SignatureEvents events;
    private final SecureRandom random = new SecureRandom();
    private final DigestCalculatorProvider digests = GostOperators.digestCalculatorProvider();
    private final BoundedCache<String, Cached> cache;
    private final BoundedCache<URI, CircuitBreaker> breakers;

    /** @param events where each request and cache hit is told */
    OcspClient(OcspSettings settings, Clock clock, SignatureEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.cache = new BoundedCache<>(settings.cache(), (key, cached) -> CACHE_ENTRY_BYTES + 2L * key.length());
        int responders = settings.breaker().maxResponders();
        this.breakers =
                new BoundedCache<>(new SignatureLimits.CacheBound(responders, responders * 1024L), (uri, b) -> 1024);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer status(X509Certificate certificate, X509Certificate issuer, URI responder) {
        X509CertificateHolder issuerHolder;
        CertificateID id;
        try {
            issuerHolder = new X509CertificateHolder(issuer.getEncoded());
            id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder, certificate.getSerialNumber());
        } catch (Exception e) {
            return new Answer.Failed("cannot build the request: " + e.getMessage());
        }
        String key = responder + "|" + HexFormat.of().formatHex(id.getIssuerKeyHash()) + "|"
                + certificate.getSerialNumber().toString(16);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            events.ocspCache(true);
            return asCached(cached.answer());
        }
        CircuitBreaker breaker = breakerOf(responder);
        if (!breaker.allow()) {
            CircuitBreaker.State state = breaker.state();
            events.ocsp(responder, "breaker-open", 0, now, null);
            return new Answer.Failed(
                    responder + " is left alone until " + state.openUntil() + " after it failed (" + state.lastFailure()
                            + ")",
                    true);
        }
        events.ocspCache(false);
        long asked = System.nanoTime();
        Answer answer = ask(id, issuerHolder, responder, now);
        events.ocsp(
                responder,
                answer instanceof Answer.Good ? "good" : answer instanceof Answer.Revoked ? "revoked" : "failed",
                System.nanoTime() - asked,
                now,
                answer instanceof Answer.Good good ? good.nextUpdate() : null);
        if (answer instanceof Answer.Failed failed && failed.unreachable()) {
            breaker.failed(failed.why());
        } else {
            breaker.succeeded();
        }
        Instant expires = null;
        if (answer instanceof Answer.Good good) {
            expires = earliest(good.nextUpdate(), now.plus(settings.cacheTtl()));
        } else if (answer instanceof Answer.Revoked) {
            expires = now.plus(settings.cacheTtl());
        }
        if (expires != null) {
            cache.put(key, new Cached(answer, expires));
        }
        return answer;
    }

    private Answer ask(CertificateID id, X509CertificateHolder issuer, URI responder, Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] response;
        try {
            Extension nonceExtension = new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce)));
            byte[] request = new OCSPReqBuilder()
                    .addRequest(id)
                    .setRequestExtensions(new Extensions(nonceExtension))
                    .build()
                    .getEncoded();
            BoundedPost.Reply reply = BoundedPost.post(
                    http, responder, "application/ocsp-request", request, settings.timeout(), MAX_RESPONSE_BYTES);
            if (reply.status() != 200) {
                return new Answer.Failed(responder + " answered HTTP " + reply.status(), true);
            }
            response = reply.body().toByteArray();
        } catch (BoundedPost.TooLarge e) {
            return new Answer.Failed(responder + " " + e.getMessage());
        } catch (IOException e) {
            return new Answer.Failed(responder + " unreachable (" + e.getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed(responder + ": interrupted");
        } catch (Exception e) {
            return new Answer.Failed("cannot ask " + responder + ": " + e.getMessage());
        }
        try {
            return judge(new OCSPResp(response), id, issuer, nonce, now);
        } catch (Exception e) {
            return new Answer.Failed(responder + " answered something unreadable (" + e.getMessage() + ")");
        }
    }

    private synchronized CircuitBreaker breakerOf(URI responder) {
        CircuitBreaker breaker = breakers.get(responder);
        if (breaker == null) {
            breaker = new CircuitBreaker(settings.breaker().openFor(), clock);
            breakers.put(responder, breaker);
        }
        return breaker;
    }

    /** Each responder asked so far and its breaker's state. */
    synchronized Map<URI, CircuitBreaker.State> responders() {
        Map<URI, CircuitBreaker.State> states = new LinkedHashMap<>();
        for (Map.Entry<URI, CircuitBreaker> e : breakers.entries().entrySet()) {
            states.put(e.getKey(), e.getValue().state());
        }
        return states;
    }

    private Answer judge(OCSPResp response, CertificateID id, X509CertificateHolder issuer, byte[] nonce, Instant now)
            throws Exception {
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return new Answer.Failed("responder status " + response.getStatus());
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            return new Answer.Failed("not a basic OCSP response");
        }
        X509CertificateHolder signer = issuer;
        for (X509CertificateHolder included : basic.getCerts()) {
            if (!included.equals(issuer)) {
                // A delegated responder: issued by the same CA, for OCSP signing only.
                if (!included.isSignatureValid(verifier(issuer))) {
                    return new Answer.Failed("responder certificate not issued by the certificate's CA");
                }
                ExtendedKeyUsage eku = included.getExtensions() == null
                        ? null
                        : ExtendedKeyUsage.fromExtensions(included.getExtensions());
                if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                    return new Answer.Failed("responder certificate lacks the OCSPSigning key purpose");
                }
                signer = included;
            }
        }
        if (!basic.isSignatureValid(verifier(signer))) {
            return new Answer.Failed("response signature does not verify");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        byte[] sent = new DEROctetString(nonce).getEncoded();
        if (echoed == null || !Arrays.equals(echoed.getExtnValue().getOctets(), sent)) {
            return new Answer.Failed("response does not echo the request nonce (replayed or cached by a proxy?)");
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null
                    ? thisUpdate.plus(settings.maxAge())
                    : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
                return new Answer.Failed("response thisUpdate " + thisUpdate + " is in the future");
            }
            if (nextUpdate.isBefore(now)) {
                return new Answer.Failed("response is stale (next update was due " + nextUpdate + ")");
            }
            Object status = single.getCertStatus();
            ByteString judged = UnsafeByteOperations.unsafeWrap(response.getEncoded());
            if (status == null) {
                return new Answer.Good(thisUpdate, nextUpdate, false, judged);
            }
            if (status instanceof RevokedStatus revoked) {
                // EnumOrdinal: java.security.cert.CRLReason is declared in RFC 5280 code order.
                @SuppressWarnings("EnumOrdinal")
                String reason = revoked.hasRevocationReason()
                        ? java.security.cert.CRLReason.values()[revoked.getRevocationReason()].name()
                        : "UNSPECIFIED";
                return new Answer.Revoked(revoked.getRevocationTime().toInstant(), reason, false, judged);
            }
            return new Answer.Failed("responder does not know the certificate");
        }
        return new Answer.Failed("response is about other certificates");
    }

    private static ContentVerifierProvider verifier(X509CertificateHolder certificate) throws Exception {
        if (GostKeys.isGost(certificate.getSubjectPublicKeyInfo())) {
            return GostOperators.contentVerifierProvider(certificate);
        }
        return new JcaContentVerifierProviderBuilder().setProvider(BC).build(certificate);
    }

    private static Answer asCached(Answer answer) {
        if (answer instanceof Answer.Good good) {
            return new Answer.Good(good.thisUpdate(), good.nextUpdate(), true, good.response());
        }
        if (answer instanceof Answer.Revoked revoked) {
            return new Answer.Revoked(revoked.at(), revoked.reason(), true, revoked.response());
        }
        return answer;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
