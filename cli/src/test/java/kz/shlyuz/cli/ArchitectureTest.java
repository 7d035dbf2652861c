package kz.shlyuz.cli;

import kz.shlyuz.certs.testing.ModuleShapeTest;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the cli module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.cli} (so no package is split across modules), there is no {@code util}
 * package, and the command-line jar needs no JMH (the micro-benchmarks run from the bench
 * module's own jar).
 */
class ArchitectureTest extends ModuleShapeTest {
    ArchitectureTest() {
        super("kz.shlyuz.cli", ShlyuzCommand.class);
    }

    @Test
    void needsNoJmhAtRunTime() {
        knowsNothingOf("org.openjdk.jmh..", "kz.shlyuz.bench.micro..");
    }
}
