package kz.shlyuz.certs.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostKeys;

/**
 * Time-stamping keys minted for one process by a signing intermediate of the dev PKI: a
 * certificate with EKU timeStamping, valid from three years ago to two years ahead, kept in memory
 * only.
 */
final class TimeStampingKeys {
    private TimeStampingKeys() {}

    /** The intermediate that issues {@code algorithm}'s stamps: {@code RSA}, {@code GOST2004}, {@code GOST2015-512}. */
    static String issuerOf(String algorithm) {
        return switch (algorithm) {
            case "RSA" -> DevPkiGenerator.INTERMEDIATE;
            case "GOST2004" -> DevPkiGenerator.INTERMEDIATE_GOST2004;
            case "GOST2015-512" -> DevPkiGenerator.INTERMEDIATE_GOST2015;
            default ->
                throw new IllegalArgumentException(
                        "algorithm: " + algorithm + " (expected: RSA, GOST2004 or GOST2015-512)");
        };
    }

    /**
     * @param ca the issuing intermediate's certificate and key
     * @param caChain the intermediate's own chain (without the root)
     * @param now the instant the validity is counted from
     */
    static SignerKey mint(
            String algorithm, X509Certificate ca, PrivateKey caKey, List<X509Certificate> caChain, Instant now) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = algorithm.equals("RSA")
                ? KeyPairs.generate(1, random).get(0)
                : GostKeys.generate(GostAlgorithm.ofLabel(algorithm).orElseThrow(), random);
        X509Certificate certificate = new Issuer(random)
                .issue(
                        new Issuer.Authority(ca, caKey),
                        SubjectNames.devSystem("Shlyuz dev TSA (" + algorithm + ")"),
                        keys.getPublic(),
                        CertificateProfile.timeStamping(),
                        now.minus(Duration.ofDays(3 * 366)),
                        now.plus(Duration.ofDays(2 * 366)));
        return new SignerKey(keys.getPrivate(), certificate, caChain);
    }
}
