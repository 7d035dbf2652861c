package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import kz.shlyuz.gateway.signature.OcspSettings;
import kz.shlyuz.gateway.signature.SignatureLimits;

/**
 * Reads the one {@link OcspSettings} from the keys where an operator finds them: whether and whom
 * to ask and how long to wait under {@code trust.ocsp}, the answers' cache bound under
 * {@code bounds.caches.ocsp}, the breaker under {@code bounds.ocspBreaker}. Every absent value
 * keeps {@link OcspSettings#defaults()}.
 */
final class OcspConfig {
    private OcspConfig() {}

    /** @param root the whole configuration */
    static OcspSettings parse(JsonNode root) {
        OcspSettings d = OcspSettings.defaults();
        JsonNode ocsp = root.path("trust").path("ocsp");
        JsonNode cache = root.path("bounds").path("caches").path("ocsp");
        JsonNode breaker = root.path("bounds").path("ocspBreaker");
        JsonNode url = ocsp.get("url");
        String responder = url == null || url.isNull() ? null : url.asText();
        return new OcspSettings(
                ocsp.path("enabled").asBoolean(d.enabled()),
                responder == null || responder.isBlank() ? null : uri(responder),
                duration(ocsp, "timeout", d.timeout(), ""),
                duration(ocsp, "cacheTtl", d.cacheTtl(), ""),
                d.maxAge(),
                new SignatureLimits.CacheBound(
                        cache.path("maxEntries").asLong(d.cache().maxEntries()),
                        cache.path("maxBytes").asLong(d.cache().maxBytes())),
                new OcspSettings.Breaker(
                        duration(breaker, "openFor", d.breaker().openFor(), "bounds.ocspBreaker."),
                        breaker.path("maxResponders").asInt(d.breaker().maxResponders())));
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("trust.ocsp.url: " + value + " (expected: an http or https URL)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("trust.ocsp.url: " + value + " (expected: an http or https URL)", e);
        }
    }

    /** @param prefix how the error message names the key's parent (the shipped messages differ) */
    private static Duration duration(JsonNode node, String field, Duration fallback, String prefix) {
        return ConfigValues.duration(node, prefix, field, fallback, prefix.isEmpty() ? "PT5S" : "PT30S");
    }
}
