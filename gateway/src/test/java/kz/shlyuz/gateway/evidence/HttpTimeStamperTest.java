package kz.shlyuz.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.certs.tsa.TimeStampServer;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.StallingPeer;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.signature.CircuitBreaker;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The evidence chain's authority over HTTP: a token from a real RFC 3161 server over loopback; a
 * silent authority, or one that stalls its body after the headers, costs one deadline and is then
 * left alone (the breaker), until the open time on the test's clock has passed.
 */
class HttpTimeStamperTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    private static final byte[] HEAD = "chain head".getBytes(StandardCharsets.UTF_8);
    private final AdvanceableClock clock = new AdvanceableClock();

    @Test
    void getsATokenOverTheImprintFromARealAuthority() throws Exception {
        TimeStampAuthority authority = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), clock);
        try (TimeStampServer server = TimeStampServer.start(new InetSocketAddress("127.0.0.1", 0), authority)) {
            HttpTimeStamper stamper = new HttpTimeStamper(server.uri(), DEADLINE, OPEN_FOR, clock);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(stamper.timeStampToken(HEAD)));
            assertTrue(java.util.Arrays.equals(
                    java.security.MessageDigest.getInstance("SHA-256").digest(HEAD),
                    token.getTimeStampInfo().getMessageImprintDigest()));
            assertEquals(CircuitBreaker.Position.CLOSED, stamper.state().position());
        }
    }

    @Test
    @Timeout(30)
    void aSilentAuthorityCostsOneDeadlineAndIsThenLeftAloneUntilTheOpenTimeHasPassed() throws Exception {
        try (StallingPeer peer = new StallingPeer(StallingPeer.Mode.SILENT)) {
            HttpTimeStamper stamper = new HttpTimeStamper(peer.uri("/tsp"), DEADLINE, OPEN_FOR, clock);
            IllegalStateException first = assertThrows(IllegalStateException.class, () -> stamper.timeStampToken(HEAD));
            assertTrue(first.getMessage().contains("unreachable"), first.getMessage());
            CircuitBreaker.State open = stamper.state();
            assertEquals(CircuitBreaker.Position.OPEN, open.position());

            IllegalStateException second =
                    assertThrows(IllegalStateException.class, () -> stamper.timeStampToken(HEAD));
            assertTrue(second.getMessage().contains("left alone until " + open.openUntil()), second.getMessage());
            assertEquals(1, stamper.state().failures(), "not asked while left alone");

            clock.advance(OPEN_FOR);
            IllegalStateException probe = assertThrows(IllegalStateException.class, () -> stamper.timeStampToken(HEAD));
            assertTrue(probe.getMessage().contains("unreachable"), "the probe asked it: " + probe.getMessage());
            assertEquals(2, stamper.state().failures());
        }
    }

    @Test
    @Timeout(30) // without a deadline on the body this call would never return
    void anAuthorityThatStallsItsBodyAfterTheHeadersIsCutOffAtTheDeadline() throws Exception {
        try (StallingPeer peer = new StallingPeer(StallingPeer.Mode.HEADERS_THEN_STALL)) {
            HttpTimeStamper stamper = new HttpTimeStamper(peer.uri("/tsp"), DEADLINE, OPEN_FOR, clock);
            IllegalStateException failed =
                    assertThrows(IllegalStateException.class, () -> stamper.timeStampToken(HEAD));
            assertTrue(failed.getMessage().contains("unreachable (HttpTimeoutException)"), failed.getMessage());
            assertEquals(CircuitBreaker.Position.OPEN, stamper.state().position());
        }
    }
}
