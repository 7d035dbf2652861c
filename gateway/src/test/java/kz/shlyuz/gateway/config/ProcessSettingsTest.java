package kz.shlyuz.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code process.retry}: the shipped values, what a file overrides, and what is refused with its name. */
class ProcessSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProcessSettings.Retry retry(String json) throws Exception {
        JsonNode tree = ConfigLoader.defaultsTree();
        ((ObjectNode) tree).set("process", JSON.readTree(json));
        return ConfigLoader.fromTree(tree, null).process().retry();
    }

    @Test
    void shipsTheBackoffTheOutboxAlwaysHadWithAMaximumOfFiveThousandAttempts() {
        assertEquals(
                new ProcessSettings.Retry(5000, Duration.ofSeconds(1), Duration.ofMinutes(10), 0),
                ConfigLoader.defaults().process().retry());
        assertEquals(ProcessSettings.defaults(), ConfigLoader.defaults().process());
    }

    @Test
    void aFileSetsEachPartAndKeepsTheDefaultsOfWhatItLeavesOut() throws Exception {
        assertEquals(
                new ProcessSettings.Retry(12, Duration.ofSeconds(5), Duration.ofMinutes(10), 0.25),
                retry("{\"retry\": {\"maxAttempts\": 12, \"firstDelay\": \"PT5S\", \"jitter\": 0.25}}"));
        assertEquals(ProcessSettings.defaults().retry(), retry("{}"));
    }

    @Test
    void refusesValuesThatCannotWorkNamingTheKey() {
        assertEquals(
                "process.retry.maxAttempts: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"maxAttempts\": 0}}"))
                        .getMessage());
        assertEquals(
                "process.retry.maxAttempts: \"many\" (expected: a whole number >= 1)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"maxAttempts\": \"many\"}}"))
                        .getMessage());
        assertEquals(
                "process.retry.maxAttempts: 2.5 (expected: a whole number >= 1)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"maxAttempts\": 2.5}}"))
                        .getMessage());
        assertEquals(
                "process.retry.maxDelay: PT0.5S (expected: >= process.retry.firstDelay PT1S)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"maxDelay\": \"PT0.5S\"}}"))
                        .getMessage());
        assertEquals(
                "process.retry.firstDelay: soon (expected: ISO-8601 duration such as PT1S)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"firstDelay\": \"soon\"}}"))
                        .getMessage());
        assertEquals(
                "process.retry.jitter: 2.0 (expected: 0–1)",
                assertThrows(IllegalArgumentException.class, () -> retry("{\"retry\": {\"jitter\": 2.0}}"))
                        .getMessage());
    }

    @Test
    void aCalendarFileIsNamedByPathAndAnythingElseIsRefusedNamingTheKey() throws Exception {
        JsonNode tree = ConfigLoader.defaultsTree();
        ((ObjectNode) tree).set("process", JSON.readTree("{\"calendarFile\": \"/etc/shlyuz/calendar.json\"}"));
        assertEquals(
                java.nio.file.Path.of("/etc/shlyuz/calendar.json"),
                ConfigLoader.fromTree(tree, null).process().calendarFile());
        assertEquals(null, ConfigLoader.defaults().process().calendarFile());
        ((ObjectNode) tree).set("process", JSON.readTree("{\"calendarFile\": 2029}"));
        assertEquals(
                "process.calendarFile: 2029 (expected: the path of a calendar years file, or null)",
                assertThrows(IllegalArgumentException.class, () -> ConfigLoader.fromTree(tree, null))
                        .getMessage());
    }
}
