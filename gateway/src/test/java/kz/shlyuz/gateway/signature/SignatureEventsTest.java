package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.TestPki;
import org.junit.jupiter.api.Test;

/** The verifier tells its outside calls to the listener it was given, and to no other. */
class SignatureEventsTest {
    private static final byte[] CONTENT = "{}".getBytes(StandardCharsets.UTF_8);

    /** Records what it is told, as {@code kind result}. */
    private static final class Recording implements SignatureEvents {
        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void ocspCache(boolean hit) {
            told.add("ocsp-cache " + (hit ? "hit" : "miss"));
        }

        @Override
        public void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate) {
            told.add("ocsp " + result);
        }

        @Override
        public void crl(String result) {
            told.add("crl " + result);
        }

        @Override
        public void tsa(String target, String result, long nanos, Instant at) {
            told.add("tsa " + result);
        }
    }

    @Test
    void eachVerifierTellsItsOwnListenerOfItsCrlDecisions() {
        Clock clock = Clock.systemUTC();
        Recording mine = new Recording();
        Recording other = new Recording();
        VerificationPolicy crlOnly =
                VerificationPolicy.online(Duration.ofMinutes(5)).withOcsp(OcspSettings.off());
        SignatureVerifier verifier =
                new SignatureVerifier(TestPki.trust(), clock, crlOnly, SignatureLimits.defaults(), mine);
        new SignatureVerifier(TestPki.trust(), clock, crlOnly, SignatureLimits.defaults(), other);
        byte[] signature =
                new CmsSigner(clock).signDetached(CONTENT, List.of(TestPki.get().signerKey(Persona.CLEAN.key())));

        verifier.verify(CONTENT, signature);
        verifier.verify(CONTENT, signature);

        assertEquals(List.of("crl good", "crl good"), mine.told);
        assertEquals(List.of(), other.told);
    }
}
