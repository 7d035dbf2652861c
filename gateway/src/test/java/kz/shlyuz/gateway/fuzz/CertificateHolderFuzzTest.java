package kz.shlyuz.gateway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import kz.shlyuz.certs.identity.CertificateHolder;

/**
 * Reading a holder (CN, IIN, BIN, role, signing or authentication) from any certificate the JDK
 * parses: it never throws; what is not there is {@code null} or the default role.
 */
class CertificateHolderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void readsAnyParsedCertificate(byte[] bytes) throws CertificateException {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException notACertificate) {
            return;
        }
        CertificateHolder.of(certificate);
    }
}
