package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The stored form of a record's revocation evidence: per verified signer, its part, its
 * certificate's serial and either the OCSP response itself or a reference to a CRL (issuer and
 * number, with the CRL's SHA-256 so the chain covers it; the CRL is kept once in
 * {@code evidence_crl}).
 */
public final class RevocationBlob {
    private RevocationBlob() {}

    /** One entry as stored. */
    public record Entry(String part, String serialHex, ByteString ocsp, CrlRef crl) {}

    /** A CRL by issuer and number. */
    public record CrlRef(String issuerSha256, String number, String derSha256) {}

    /** A CRL to keep once, with its reference. */
    public record Crl(CrlRef ref, String issuer, ByteString der) {}

    public static CrlRef ref(X509CRL crl) {
        try {
            return new CrlRef(
                    Digests.hex(crl.getIssuerX500Principal().getEncoded()), number(crl), Digests.hex(crl.getEncoded()));
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Crl crl(X509CRL crl) {
        try {
            return new Crl(
                    ref(crl),
                    crl.getIssuerX500Principal().getName(),
                    UnsafeByteOperations.unsafeWrap(crl.getEncoded()));
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CRL number extension in decimal; without one, the thisUpdate in epoch seconds. */
    static String number(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (ext == null) {
            return "t" + crl.getThisUpdate().toInstant().getEpochSecond();
        }
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets())
                .getValue()
                .toString();
    }

    public static byte[] encode(List<RevocationItem> items) {
        if (items.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(items.size());
            for (RevocationItem item : items) {
                out.writeUTF(item.part());
                out.writeUTF(item.serialHex());
                if (item.ocspResponse() != null) {
                    out.writeByte(1);
                    out.writeInt(item.ocspResponse().size());
                    item.ocspResponse().writeTo(out);
                } else if (item.crl() != null) {
                    CrlRef ref = ref(item.crl());
                    out.writeByte(2);
                    out.writeUTF(ref.issuerSha256());
                    out.writeUTF(ref.number());
                    out.writeUTF(ref.derSha256());
                } else {
                    out.writeByte(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<Entry> decode(byte[] blob) {
        List<Entry> entries = new ArrayList<>();
        if (blob == null) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            int n = in.readInt();
            if (n < 0 || n > 1000) {
                throw new IOException("bad entry count " + n);
            }
            for (int i = 0; i < n; i++) {
                String part = in.readUTF();
                String serial = in.readUTF();
                int type = in.readByte();
                if (type == 1) {
                    int len = in.readInt();
                    if (len < 0 || len > blob.length) {
                        throw new IOException("bad OCSP length " + len);
                    }
                    entries.add(new Entry(part, serial, UnsafeByteOperations.unsafeWrap(in.readNBytes(len)), null));
                } else if (type == 2) {
                    entries.add(new Entry(part, serial, null, new CrlRef(in.readUTF(), in.readUTF(), in.readUTF())));
                } else {
                    entries.add(new Entry(part, serial, null, null));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("revocation evidence unreadable: " + e.getMessage(), e);
        }
        return entries;
    }
}
