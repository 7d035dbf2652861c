package kz.shlyuz.certs;

import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.testing.ModuleShapeTest;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the certs module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.certs} (so no package is split across modules), there is no {@code util}
 * package, and it knows nothing of the gateway or the adapters.
 */
class ArchitectureTest extends ModuleShapeTest {
    ArchitectureTest() {
        super("kz.shlyuz.certs", Iin.class);
    }

    @Test
    void knowsNothingOfTheGatewayOrTheAdapters() {
        knowsNothingOf("kz.shlyuz.gateway..", "kz.shlyuz.adapters..");
    }
}
