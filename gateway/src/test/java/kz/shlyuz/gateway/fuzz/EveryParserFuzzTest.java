package kz.shlyuz.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.security.cert.CertificateException;
import kz.shlyuz.gateway.config.ConfigLoaderFuzzTest;

/**
 * The normal build's time-boxed fuzzing: every target in one run, the first byte choosing which.
 * Jazzer fuzzes one test per JVM and starting its agent costs more than a few seconds of
 * fuzzing, so one coverage-guided run over all six parsers gets more out of the build's time
 * than six short ones. The {@code fuzz-timeboxed} surefire execution runs it for its
 * {@code maxDuration}; each target alone fuzzes longer on demand (docs/LIMITS-SIGNATURE.md).
 * A finding's input goes into the folder of the target it reached, as a regression input there.
 */
class EveryParserFuzzTest {
    private final EnvelopeFuzzTest envelope = new EnvelopeFuzzTest();
    private final ContentFuzzTest content = new ContentFuzzTest();
    private final CmsFuzzTest cms = new CmsFuzzTest();
    private final CertificateHolderFuzzTest holder = new CertificateHolderFuzzTest();
    private final TaxpayerNumberFuzzTest taxpayerNumber = new TaxpayerNumberFuzzTest();
    private final ConfigLoaderFuzzTest config = new ConfigLoaderFuzzTest();

    @FuzzTest(maxDuration = "30s")
    void everyParserRefusesOrAccepts(FuzzedDataProvider data) throws IOException, CertificateException {
        switch (data.consumeInt(0, 5)) {
            case 0 -> envelope.admissionRefusesOrAdmits(data.consumeRemainingAsBytes());
            case 1 -> content.admissionRefusesOrAdmitsSignedContent(data);
            case 2 -> cms.verifierRefusesOrAccepts(data);
            case 3 -> holder.readsAnyParsedCertificate(data.consumeRemainingAsBytes());
            case 4 -> taxpayerNumber.parsesOrRefusesAnyText(data);
            default -> config.loadsOrNamesTheBadField(data);
        }
    }
}
