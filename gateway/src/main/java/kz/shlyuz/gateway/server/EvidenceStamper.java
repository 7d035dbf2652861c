package kz.shlyuz.gateway.server;

import java.time.Duration;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.HttpTimeStamper;

/** Chooses the time-stamping authority of the evidence chain. */
final class EvidenceStamper {
    private EvidenceStamper() {}

    /** The authority the evidence chain is stamped by: {@code evidence.tsaUrl}, else the gateway's own. */
    static TimeStamper of(GatewayConfig config, GatewayServer.Material material) {
        if (config.evidence().tsaUrl() != null) {
            return new HttpTimeStamper(
                    config.evidence().tsaUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30), material.clock());
        }
        if (material.timeStamper() == null) {
            throw new IllegalArgumentException("evidence.tsaUrl: not set and the gateway has no time-stamper "
                    + "(the evidence chain must be time-stamped)");
        }
        return material.timeStamper();
    }
}
