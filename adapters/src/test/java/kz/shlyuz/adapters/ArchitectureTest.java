package kz.shlyuz.adapters;

import kz.shlyuz.certs.testing.ModuleShapeTest;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the adapters module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.adapters} (so no package is split across modules), there is no {@code util}
 * package, and the agency adapters know nothing of the gateway.
 */
class ArchitectureTest extends ModuleShapeTest {
    ArchitectureTest() {
        super("kz.shlyuz.adapters", AdapterServer.class);
    }

    @Test
    void knowsNothingOfTheGateway() {
        knowsNothingOf("kz.shlyuz.gateway..");
    }
}
