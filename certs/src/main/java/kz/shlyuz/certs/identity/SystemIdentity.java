package kz.shlyuz.certs.identity;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The one rule for a system's identity (gateway, egov-portal, gbd-fl …) from its verified TLS
 * certificate, shared by the gateway and the agency adapters: the leaf's subject carries exactly
 * one CN, and that CN is 1–64 characters of {@code A-Z a-z 0-9 . _ -}. Anything else — no
 * certificate, no CN, two CNs (whichever one a reader took first or last would decide who the
 * caller is), an empty or odd CN — is a {@link Refused} with a reason a person can act on, never
 * a guess.
 *
 * <p>O(number of RDNs in the subject): no chain building or signature work; the TLS stack has
 * already verified the chain.
 */
public sealed interface SystemIdentity {
    /** The characters a system id may have: they go into logs, the journal and refusal messages. */
    Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The certificate names exactly one system. */
    record Identified(String systemId) implements SystemIdentity {}

    /**
     * The certificate names no system or is ambiguous.
     *
     * @param why in English, without personal data; safe to log and to send back (values are escaped and bounded)
     */
    record Refused(String why) implements SystemIdentity {}

    /** The identity of a TLS peer: refused when there is no session or no verified X.509 peer certificate. */
    static SystemIdentity of(SSLSession session) {
        if (session == null) {
            return new Refused("no TLS session");
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return new Refused("no verified client certificate");
        }
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return new Refused("no X.509 client certificate");
        }
        return of(leaf);
    }

    /** The identity a certificate's subject names. */
    static SystemIdentity of(X509Certificate certificate) {
        X500Name subject;
        try {
            subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            return new Refused("certificate subject cannot be read");
        }
        List<String> names = new ArrayList<>(1);
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (BCStyle.CN.equals(value.getType())) {
                    names.add(value.getValue() instanceof ASN1String s ? s.getString() : "?");
                }
            }
        }
        if (names.isEmpty()) {
            return new Refused("certificate subject has no CN");
        }
        if (names.size() > 1) {
            List<String> shown =
                    names.stream().limit(4).map(SystemIdentity::shown).toList();
            return new Refused(
                    "certificate subject has " + names.size() + " CNs " + shown + "; exactly one is required");
        }
        String cn = names.get(0);
        if (!SYSTEM_ID.matcher(cn).matches()) {
            return new Refused("certificate CN «" + shown(cn) + "» is not 1–64 characters of A-Z a-z 0-9 . _ -");
        }
        return new Identified(cn);
    }

    /** A CN as it may be shown: printable ASCII only, at most 64 characters. */
    private static String shown(String value) {
        String plain = value.replaceAll("[^\\x20-\\x7E]", "?");
        return plain.length() <= 64 ? plain : plain.substring(0, 64) + "...";
    }
}
