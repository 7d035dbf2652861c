package kz.shlyuz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A list of gateway nodes as the CLI's {@code --gateway} and the library take it. */
class GatewayAddressesTest {
    @Test
    void readsSeveralNodesInOrderIncludingBracketedIpv6() {
        List<GatewayAddresses.Address> a = GatewayAddresses.parse("gw1:8443, 10.0.0.2:9443,[::1]:8443");
        assertEquals(
                List.of(
                        new GatewayAddresses.Address("gw1", 8443),
                        new GatewayAddresses.Address("10.0.0.2", 9443),
                        new GatewayAddresses.Address("::1", 8443)),
                a);
        assertEquals("shlyuz-nodes:///gw1:8443,10.0.0.2:9443,[::1]:8443", GatewayAddresses.target(a));
    }

    @Test
    void refusesAnEntryThatIsNotHostAndPortNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GatewayAddresses.parse("gw1:8443,gw2"));
        assertEquals("'gw2' (expected: HOST:PORT, e.g. 127.0.0.1:8443)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GatewayAddresses.parse("gw1:8443,"));
        assertThrows(IllegalArgumentException.class, () -> GatewayAddresses.parse("gw1:70000"));
    }
}
