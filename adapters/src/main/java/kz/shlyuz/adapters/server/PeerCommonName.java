package kz.shlyuz.adapters.server;

import java.util.Optional;
import javax.net.ssl.SSLSession;
import kz.shlyuz.certs.identity.SystemIdentity;

/**
 * The calling system's id (gateway, egov-portal …) from the peer's TLS certificate, by the rule
 * the gateway uses too ({@link SystemIdentity}): exactly one CN, or no identity at all.
 */
final class PeerCommonName {

    private PeerCommonName() {}

    /**
     * Empty when there is no session, no verified peer certificate, no CN, or more than one CN
     * (a certificate naming two systems names none).
     */
    static Optional<String> of(SSLSession session) {
        return SystemIdentity.of(session) instanceof SystemIdentity.Identified identified
                ? Optional.of(identified.systemId())
                : Optional.empty();
    }
}
