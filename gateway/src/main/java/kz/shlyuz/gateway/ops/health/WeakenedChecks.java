package kz.shlyuz.gateway.ops.health;

import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.SignerRules;

/**
 * Every setting that weakens a check (issue 9): each is a WARNING at start, in
 * {@code ./shlyuz config check}, in doctor and in the health report.
 */
public final class WeakenedChecks {
    private WeakenedChecks() {}

    /** One weakened check: the setting and what it means. */
    public record Weakened(String setting, String meaning) {
        @Override
        public String toString() {
            return setting + ": " + meaning;
        }
    }

    public static List<Weakened> of(GatewayConfig config) {
        List<Weakened> out = new ArrayList<>();
        SignerRules rules = config.signerRules();
        if (rules.devPkiTrust()) {
            out.add(
                    new Weakened(
                            "trust.devPki: true",
                            "the development PKI's CAs are trusted for document "
                                    + "signatures; anyone with its keys (they are on disk) can sign as any citizen. Development only."));
        }
        if (rules.softFailRevocation()) {
            out.add(
                    new Weakened(
                            "trust.revocation: soft-fail",
                            "a signer whose revocation status nobody answers "
                                    + "for is accepted; a revoked certificate passes while OCSP and the CRLs are unavailable."));
        }
        if (!rules.ocsp().enabled()) {
            out.add(new Weakened(
                    "trust.ocsp.enabled: false", "revocation is learnt from CRLs only, up to a CRL " + "period late."));
        }
        if (!config.strictCheckDigits()) {
            out.add(new Weakened(
                    "identity.strictCheckDigits: false",
                    "IINs and BINs whose check digit fails are " + "accepted (national CA test material only)."));
        }
        if (config.ops().admin().enabled()
                && !isLoopback(config.ops().admin().host())
                && !config.ops().admin().tls()) {
            out.add(
                    new Weakened(
                            "ops.admin.host: " + config.ops().admin().host(),
                            "the admin listener (metrics, "
                                    + "health) is reachable beyond this machine without TLS; maintenance still needs loopback."));
        }
        return out;
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
