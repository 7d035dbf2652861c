package kz.shlyuz.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeSettingsLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shippedDefaultsSizeThePortalForNationalVolume() {
        EdgeSettings edge = ConfigLoader.defaults().edge();
        assertEquals(
                new EdgeSettings.RateLimit(2000, 4000),
                edge.sender("egov-portal").orElseThrow().rateLimit());
        assertEquals(
                new EdgeSettings.RateLimit(300, 600),
                edge.sender("hkko").orElseThrow().rateLimit());
        assertEquals(200_000L, edge.sender("burkit").orElseThrow().dailyQuota());
        assertNull(edge.sender("egov-portal").orElseThrow().dailyQuota());
        assertEquals(new EdgeSettings.RateLimit(3000, 6000), edge.globalRateLimit());
        assertEquals(EdgeSettings.Transport.defaults(), edge.transport());
        assertEquals("Asia/Almaty", edge.quotaZone().getId());
    }

    @Test
    void absentKeysKeepTheTransportDefaultsAndNoRateLimits() throws Exception {
        EdgeSettings edge = EdgeSettingsLoader.parse(JSON.readTree("{\"limits\": {}, \"senders\": {\"a\": {}}}"));
        assertEquals(EdgeSettings.Transport.defaults(), edge.transport());
        assertNull(edge.globalRateLimit());
        assertTrue(edge.senders().isEmpty());
    }

    @Test
    void readsEveryTransportKey() throws Exception {
        EdgeSettings edge = EdgeSettingsLoader.parse(JSON.readTree("{\"limits\": {\"transport\": {"
                + "\"readTimeout\": \"PT3S\", \"maxCallDuration\": \"PT20S\", \"maxConnections\": 50,"
                + " \"maxConnectionsPerSystem\": 5, \"maxRstFramesPerWindow\": 100, \"rstWindow\": \"PT5S\"}}}"));
        assertEquals(Duration.ofSeconds(3), edge.transport().readTimeout());
        assertEquals(Duration.ofSeconds(20), edge.transport().maxCallDuration());
        assertEquals(50, edge.transport().maxConnections());
        assertEquals(5, edge.transport().maxConnectionsPerSystem());
        assertEquals(100, edge.transport().maxRstFramesPerWindow());
        assertEquals(Duration.ofSeconds(5), edge.transport().rstWindow());
    }

    @Test
    void refusesARateLimitWithoutBurstNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeSettingsLoader.parse(
                        JSON.readTree("{\"senders\": {\"hkko\": {\"rateLimit\": {\"perSecond\": 10}}}}")));
        assertTrue(e.getMessage().startsWith("senders.hkko.rateLimit:"), e.getMessage());
    }

    @Test
    void refusesAZeroQuotaAndANegativeRate() {
        IllegalArgumentException quota = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeSettingsLoader.parse(JSON.readTree("{\"senders\": {\"hkko\": {\"dailyQuota\": 0}}}")));
        assertTrue(quota.getMessage().startsWith("senders.hkko.dailyQuota"), quota.getMessage());
        IllegalArgumentException rate = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeSettingsLoader.parse(
                        JSON.readTree("{\"limits\": {\"globalRateLimit\": {\"perSecond\": -1, \"burst\": 5}}}")));
        assertTrue(rate.getMessage().startsWith("limits.globalRateLimit:"), rate.getMessage());
    }

    @Test
    void refusesATransportDurationThatIsNotOne() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeSettingsLoader.parse(
                        JSON.readTree("{\"limits\": {\"transport\": {\"readTimeout\": \"10 seconds\"}}}")));
        assertTrue(e.getMessage().startsWith("limits.transport.readTimeout"), e.getMessage());
    }
}
