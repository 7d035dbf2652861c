package kz.shlyuz.gateway.signature;

/**
 * Where the trust for signatures comes from at the moment of a check. A fixed
 * {@link TrustMaterial} is its own source; a {@link TrustDirectory} reloads from disk when its
 * files change, so anchors and CRLs can be replaced without a restart.
 */
public interface TrustSource {
    /** The trust to check the next signature against; never null. */
    TrustMaterial current();
}
