package kz.shlyuz.bench;

import java.nio.file.Path;
import kz.shlyuz.certs.testing.TestHygiene;
import org.junit.jupiter.api.Test;

/** The rules every module's tests keep (see {@link TestHygiene}), over this module's test sources. */
class TestHygieneTest {
    @Test
    void noTestWaitsBySleeping() {
        TestHygiene.assertNoSleeps(Path.of("src/test/java"));
    }
}
