package kz.shlyuz.gateway.ops.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import kz.shlyuz.gateway.signature.TrustSource;

/**
 * Days until expiry of everything that stops the node when it runs out: every trust anchor, every
 * CRL's next update, the gateway's signing certificate and its TLS certificates. Recomputed at
 * scrape time on the gateway's clock, from the trust as currently loaded (a reload shows at once).
 */
public final class ExpiryGauges implements Runnable {
    /** One certificate or CRL and when it runs out. */
    public record Expiry(String kind, String subject, Instant at) {}

    private final TrustSource trust;
    private final Map<String, X509Certificate> own;
    private final Clock clock;
    private final MultiGauge certificates;
    private final MultiGauge crls;

    /** @param own the gateway's own certificates by kind (e.g. {@code gateway_signing}, {@code gateway_tls}) */
    public ExpiryGauges(GatewayMetrics metrics, TrustSource trust, Map<String, X509Certificate> own, Clock clock) {
        this.trust = trust;
        this.own = Map.copyOf(own);
        this.clock = clock;
        certificates = MultiGauge.builder("shlyuz.certificate.expiry.days")
                .description("Days until a certificate expires, by kind (trust_anchor, gateway_signing, gateway_tls)")
                .register(metrics.registry());
        crls = MultiGauge.builder("shlyuz.crl.next.update.days")
                .description("Days until a CRL's nextUpdate (negative: stale)")
                .register(metrics.registry());
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> certRows = new ArrayList<>();
        for (Expiry e : certificates()) {
            certRows.add(MultiGauge.Row.of(Tags.of("kind", e.kind(), "subject", e.subject()), days(now, e.at())));
        }
        certificates.register(certRows, true);
        List<MultiGauge.Row<?>> crlRows = new ArrayList<>();
        for (Expiry e : crlUpdates()) {
            crlRows.add(MultiGauge.Row.of(Tags.of("issuer", e.subject()), days(now, e.at())));
        }
        crls.register(crlRows, true);
    }

    /** Trust anchors and the gateway's own certificates, with their notAfter. */
    public List<Expiry> certificates() {
        List<Expiry> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (X509Certificate anchor : trust.current().anchors()) {
            String subject = commonName(anchor);
            // Two anchors with one CN (a renewed root) keep separate series.
            String label = seen.add(subject)
                    ? subject
                    : subject + " #" + anchor.getSerialNumber().toString(16);
            out.add(new Expiry("trust_anchor", label, anchor.getNotAfter().toInstant()));
        }
        own.forEach((kind, cert) ->
                out.add(new Expiry(kind, commonName(cert), cert.getNotAfter().toInstant())));
        return out;
    }

    /** The next update of each CRL in the trust. */
    public List<Expiry> crlUpdates() {
        List<Expiry> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (X509CRL crl : trust.current().crls()) {
            if (crl.getNextUpdate() == null) {
                continue;
            }
            String issuer = commonName(crl.getIssuerX500Principal().getName());
            if (seen.add(issuer)) {
                out.add(new Expiry("crl", issuer, crl.getNextUpdate().toInstant()));
            }
        }
        return out;
    }

    private static double days(Instant now, Instant at) {
        return Duration.between(now, at).toMinutes() / 1440.0;
    }

    static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal().getName());
    }

    static String commonName(String dn) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through: the whole name
        }
        return dn;
    }

    /** The first certificate of a PEM file (the TLS chain's leaf), or null when it cannot be read. */
    public static X509Certificate firstCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            return certs.isEmpty() ? null : (X509Certificate) certs.iterator().next();
        } catch (IOException | CertificateException e) {
            return null;
        }
    }
}
