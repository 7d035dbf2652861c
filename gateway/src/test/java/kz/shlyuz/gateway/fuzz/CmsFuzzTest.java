package kz.shlyuz.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.status.Refusal;

/**
 * CMS SignedData parsing and signer extraction (the verifier's SignedCms, Der, Attributes,
 * SignerCertificates) on any bytes: the only allowed outcome of bad input is a {@link Refusal}.
 * Half the inputs are a real signature with fuzzed bytes spliced in, so the fuzzer starts inside
 * the structure.
 */
class CmsFuzzTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final byte[] CONTENT = "{\"fuzz\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static SignatureVerifier verifier;
    private static byte[] genuine;

    private static synchronized void init() {
        if (verifier == null) {
            verifier = FuzzPki.get().verifier(CLOCK);
            genuine = new CmsSigner(CLOCK).signDetached(CONTENT, List.of(FuzzPki.get().citizen));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void verifierRefusesOrAccepts(FuzzedDataProvider data) {
        init();
        byte[] signature;
        if (data.consumeBoolean()) {
            signature = genuine.clone();
            int edits = data.consumeInt(1, 8);
            for (int i = 0; i < edits; i++) {
                signature[data.consumeInt(0, signature.length - 1)] = data.consumeByte();
            }
        } else {
            signature = data.consumeRemainingAsBytes();
        }
        try {
            verifier.verify(CONTENT, signature);
            verifier.inspect(null, signature);
        } catch (Refusal expected) {
            // the one outcome a bad signature may have
        }
    }
}
