package kz.shlyuz.adapters.server;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The CN of the peer's TLS certificate: the calling system's id (gateway, egov-portal …). */
final class PeerCommonName {

    private PeerCommonName() {}

    /** Empty when there is no session, no verified peer certificate or no CN in it. */
    static Optional<String> of(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            // The last CN wins, as in hostname verification, should a name carry several.
            String cn = null;
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return Optional.ofNullable(cn);
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return Optional.empty();
        }
    }
}
