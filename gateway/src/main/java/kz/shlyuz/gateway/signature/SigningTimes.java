package kz.shlyuz.gateway.signature;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Time;

/**
 * A signing-time value (UTCTime or GeneralizedTime) to an instant. The DER forms signers write
 * ({@code YYMMDDHHMMSSZ}, {@code YYYYMMDDHHMMSS[.fff]Z}) are read here digit by digit;
 * BouncyCastle reads them through a new {@code SimpleDateFormat} each time. Any other form goes
 * to BouncyCastle's {@link Time}, so what was accepted before is accepted the same way.
 */
final class SigningTimes {
    private SigningTimes() {}

    /** The instant, or IllegalArgumentException when the value is not a Time. */
    static Instant read(Der.Tlv value) {
        Instant fast = value.tag() == Der.UTC_TIME
                ? utc(value)
                : value.tag() == Der.GENERALIZED_TIME ? generalized(value) : null;
        if (fast != null) {
            return fast;
        }
        try {
            return Time.getInstance(ASN1Primitive.fromByteArray(value.encoded()))
                    .getDate()
                    .toInstant();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Time", e);
        }
    }

    private static Instant utc(Der.Tlv value) {
        byte[] b = value.bytes();
        int p = value.valueStart();
        if (value.valueLength() != 13 || b[p + 12] != 'Z' || !digits(b, p, 12)) {
            return null;
        }
        int yy = two(b, p);
        return at(yy < 50 ? 2000 + yy : 1900 + yy, b, p + 2, 0);
    }

    private static Instant generalized(Der.Tlv value) {
        byte[] b = value.bytes();
        int p = value.valueStart();
        int n = value.valueLength();
        if (n < 15 || b[p + n - 1] != 'Z' || !digits(b, p, 14)) {
            return null;
        }
        int millis = 0;
        if (n > 15) {
            int fraction = n - 16;
            if (b[p + 14] != '.' || fraction < 1 || !digits(b, p + 15, fraction)) {
                return null;
            }
            for (int i = 0; i < 3; i++) {
                millis = millis * 10 + (i < fraction ? b[p + 15 + i] - '0' : 0);
            }
        }
        return at(two(b, p) * 100 + two(b, p + 2), b, p + 4, millis);
    }

    private static Instant at(int year, byte[] b, int p, int millis) {
        try {
            return LocalDateTime.of(
                            year,
                            two(b, p),
                            two(b, p + 2),
                            two(b, p + 4),
                            two(b, p + 6),
                            two(b, p + 8),
                            millis * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(byte[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int two(byte[] b, int p) {
        return (b[p] - '0') * 10 + (b[p + 1] - '0');
    }
}
