package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import kz.shlyuz.gateway.signature.SignatureLimits;

/**
 * What one request may cost the gateway before it is refused ({@code bounds} in the
 * configuration; docs/LIMITS-SIGNATURE.md lists each with its default): the signature's limits
 * and cache bounds, and the signed content's.
 *
 * @param signature sizes, counts and key sizes of a CMS, the caches' bounds (the OCSP answers' bound
 *     and breaker are read into {@link SignerRules#ocsp()}: {@link OcspConfig})
 * @param content the signed RequestContent's limits
 */
public record Bounds(SignatureLimits signature, Content content) {

    /**
     * Size bounds of a request's content.
     *
     * @param maxProperties entries of {@code RequestContent.properties}
     * @param maxPropertyKeyBytes UTF-8 bytes of one property's key
     * @param maxPropertyValueBytes UTF-8 bytes of one property's value
     * @param protobufRecursionLimit how deep protobuf messages may nest when the content and its
     *     body are parsed (protobuf's own default is 100)
     */
    public record Content(
            int maxProperties, int maxPropertyKeyBytes, int maxPropertyValueBytes, int protobufRecursionLimit) {
        public Content {
            if (maxProperties < 0
                    || maxPropertyKeyBytes < 1
                    || maxPropertyValueBytes < 0
                    || protobufRecursionLimit < 2) {
                throw new IllegalArgumentException("bounds.content: " + maxProperties + " properties, keys "
                        + maxPropertyKeyBytes + " bytes, values " + maxPropertyValueBytes + " bytes, recursion "
                        + protobufRecursionLimit + " (expected: >= 0, >= 1, >= 0, >= 2)");
            }
        }

        public static Content defaults() {
            return new Content(32, 64, 4096, 32);
        }
    }

    public Bounds {
        signature = signature == null ? SignatureLimits.defaults() : signature;
        content = content == null ? Content.defaults() : content;
    }

    public static Bounds defaults() {
        return new Bounds(SignatureLimits.defaults(), Content.defaults());
    }

    /** {@code bounds} of the configuration; every absent value keeps its default. */
    static Bounds parse(JsonNode bounds) {
        SignatureLimits d = SignatureLimits.defaults();
        JsonNode s = bounds.path("signature");
        JsonNode caches = bounds.path("caches");
        SignatureLimits.Caches c = d.caches();
        SignatureLimits signature = new SignatureLimits(
                s.path("maxCertificateBytes").asInt(d.maxCertificateBytes()),
                s.path("maxSigners").asInt(d.maxSigners()),
                s.path("maxCertificates").asInt(d.maxCertificates()),
                s.path("maxCrls").asInt(d.maxCrls()),
                s.path("maxAttributes").asInt(d.maxAttributes()),
                s.path("maxNestingDepth").asInt(d.maxNestingDepth()),
                s.path("maxElements").asInt(d.maxElements()),
                s.path("rsaMinBits").asInt(d.rsaMinBits()),
                s.path("rsaMaxBits").asInt(d.rsaMaxBits()),
                s.path("rsaMaxExponentBits").asInt(d.rsaMaxExponentBits()),
                new SignatureLimits.Caches(
                        cache(caches.path("certificates"), c.certificates()),
                        cache(caches.path("chains"), c.chains()),
                        cache(caches.path("crlSelections"), c.crlSelections())));
        JsonNode content = bounds.path("content");
        Content cd = Content.defaults();
        return new Bounds(
                signature,
                new Content(
                        content.path("maxProperties").asInt(cd.maxProperties()),
                        content.path("maxPropertyKeyBytes").asInt(cd.maxPropertyKeyBytes()),
                        content.path("maxPropertyValueBytes").asInt(cd.maxPropertyValueBytes()),
                        content.path("protobufRecursionLimit").asInt(cd.protobufRecursionLimit())));
    }

    private static SignatureLimits.CacheBound cache(JsonNode node, SignatureLimits.CacheBound fallback) {
        return new SignatureLimits.CacheBound(
                node.path("maxEntries").asLong(fallback.maxEntries()),
                node.path("maxBytes").asLong(fallback.maxBytes()));
    }
}
