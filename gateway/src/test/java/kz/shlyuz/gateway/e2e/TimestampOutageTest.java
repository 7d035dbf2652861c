package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.certs.tsa.TimeStampServer;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.evidence.EvidenceStatus;
import org.junit.jupiter.api.Test;

/**
 * The time-stamping authority goes away: exchange goes on for the tolerated outage, then new
 * messages are refused with TIMESTAMP_UNAVAILABLE, and everything resumes by itself once the
 * authority answers again. Driven by the clock, through TLS and a real RFC 3161 server.
 */
class TimestampOutageTest {

    @Test
    void refusesNewMessagesAfterTheToleratedOutageAndResumesWhenTheAuthorityAnswers() throws Exception {
        AdvanceableClock clock = new AdvanceableClock();
        TimeStampAuthority authority = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), clock);
        TimeStampServer tsa = TimeStampServer.start(new InetSocketAddress("127.0.0.1", 0), authority);
        int port = tsa.uri().getPort();
        try (GatewayEnvironment env = new GatewayEnvironment(
                Set.of("gbd-fl"), c -> c.withEvidence(c.evidence().withTsaUrl(tsa.uri())), clock)) {
            env.client(EvidenceTools.PORTAL).call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER));
            assertTrue(env.gateway.evidence().stampNow());

            tsa.close();
            env.client(EvidenceTools.PORTAL).call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER));
            assertFalse(env.gateway.evidence().stampNow(), "the authority is down");
            EvidenceStatus failing = env.gateway.evidence().status();
            assertTrue(failing.accepting(), "within the tolerated outage");
            assertNotNull(failing.failingSince());

            clock.advance(Duration.ofHours(3).plusMinutes(59));
            env.client(EvidenceTools.PORTAL).call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER));
            clock.advance(Duration.ofMinutes(2));
            assertFalse(env.gateway.evidence().status().accepting());
            Refusals.Refused refused = assertRefused(
                    Status.Code.UNAVAILABLE,
                    "TIMESTAMP_UNAVAILABLE",
                    () -> env.client(EvidenceTools.PORTAL)
                            .call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER)));
            assertEquals("SCE909", refused.shepCode());
            assertTrue(refused.russian().contains("метк") && refused.kazakh().contains("TSA"), refused.description());

            // The authority comes back where it was; the stamper's next attempt covers every waiting record.
            try (TimeStampServer back = TimeStampServer.start(new InetSocketAddress("127.0.0.1", port), authority)) {
                // The stamper retries on its own every quarter second, and leaves an authority that
                // failed alone for 30 s of the gateway's clock: each look lets a second of it pass.
                Await.until(
                        () -> {
                            if (env.gateway.evidence().status().accepting()) {
                                return true;
                            }
                            clock.advance(Duration.ofSeconds(1));
                            return false;
                        },
                        Duration.ofSeconds(20),
                        Duration.ofMillis(100),
                        () -> "the stamper covers the waiting records; "
                                + env.gateway.evidence().status());
                EvidenceStatus recovered = env.gateway.evidence().status();
                assertTrue(recovered.accepting(), recovered.toString());
                env.client(EvidenceTools.PORTAL).call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER));
                assertTrue(env.gateway.evidence().stampNow());
                try (var db = EvidenceTools.database(env.config)) {
                    var report = EvidenceTools.chain(env.config, db, env.pki).verify(null, null);
                    assertTrue(report.holds(), report.findings().toString());
                    assertEquals(5, report.records(), "four answered calls and the refusal");
                }
            }
        }
    }
}
