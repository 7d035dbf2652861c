package kz.shlyuz.gateway.console.data;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.Iin;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Reads who signed a stored CMS: the signers' certificates, the chain the CMS carries for each and
 * the signature time-stamps. Only certificates and signed attributes are read; the signed content
 * is not looked at, so this is no read of the document body.
 */
final class CmsSigners {
    private static final java.util.regex.Pattern IIN_IN_DN = java.util.regex.Pattern.compile("IIN(\\d{12})");

    private CmsSigners() {}

    /**
     * The signers of {@code cms}.
     *
     * @param unmask show IINs in full (the caller has audited the view)
     */
    static List<SignerView> of(byte[] cms, boolean unmask) {
        List<SignerView> out = new ArrayList<>();
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            Store<X509CertificateHolder> certs = signed.getCertificates();
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> match = certs.getMatches(signer.getSID());
                if (match.isEmpty()) {
                    continue;
                }
                X509CertificateHolder cert = match.iterator().next();
                CertificateHolder holder = CertificateHolder.of(cert);
                out.add(new SignerView(
                        holder.commonName(),
                        holder.iin() == null ? null : unmask ? holder.iin() : Iin.mask(holder.iin()),
                        holder.bin(),
                        holder.role().name(),
                        cert.getSerialNumber().toString(16),
                        cert.getNotAfter().toInstant(),
                        unmask ? chain(cert, certs) : masked(chain(cert, certs)),
                        timeStamp(signer)));
            }
        } catch (CMSException | RuntimeException e) {
            // A stored CMS that cannot be read is shown as no signers; the evidence check says why.
            return List.of();
        }
        return out;
    }

    /** The chain's subjects with any {@code IIN<12 digits>} masked: a signer's DN carries the IIN. */
    private static List<String> masked(List<String> chain) {
        List<String> out = new ArrayList<>();
        for (String dn : chain) {
            java.util.regex.Matcher m = IIN_IN_DN.matcher(dn);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, "IIN" + Iin.mask(m.group(1)));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> chain(X509CertificateHolder leaf, Store<X509CertificateHolder> certs) {
        List<String> chain = new ArrayList<>();
        X509CertificateHolder at = leaf;
        for (int depth = 0; at != null && depth < 8; depth++) {
            chain.add(at.getSubject().toString());
            if (at.getSubject().equals(at.getIssuer())) {
                break;
            }
            X509CertificateHolder current = at;
            at = null;
            for (X509CertificateHolder c : certs.getMatches(null)) {
                if (c.getSubject().equals(current.getIssuer())) {
                    at = c;
                    break;
                }
            }
            if (at == null) {
                chain.add(current.getIssuer().toString());
            }
        }
        return chain;
    }

    private static Instant timeStamp(SignerInformation signer) {
        if (signer.getUnsignedAttributes() == null) {
            return null;
        }
        Attribute a = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (a == null || a.getAttrValues().size() == 0) {
            return null;
        }
        ASN1Encodable value = a.getAttrValues().getObjectAt(0);
        try {
            return new TimeStampToken(ContentInfo.getInstance(value))
                    .getTimeStampInfo()
                    .getGenTime()
                    .toInstant();
        } catch (TSPException | IOException e) {
            return null;
        }
    }
}
