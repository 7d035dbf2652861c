package kz.shlyuz.bench;

import kz.shlyuz.certs.testing.ModuleShapeTest;

/**
 * The build keeps the bench module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.bench} (so no package is split across modules), there is no {@code util}
 * package.
 */
class ArchitectureTest extends ModuleShapeTest {
    ArchitectureTest() {
        super("kz.shlyuz.bench", Bench.class);
    }
}
