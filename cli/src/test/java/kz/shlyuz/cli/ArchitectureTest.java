package kz.shlyuz.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the cli module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.cli} (so no package is split across modules), there is no {@code util}
 * package, and the command-line jar needs no JMH (the micro-benchmarks run from the bench
 * module's own jar).
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link ShlyuzCommand} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(ShlyuzCommand.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.cli.(*)..")
                .should()
                .beFreeOfCycles()
                // One package today: the rule keeps sub-packages, once there are any, free of cycles.
                .allowEmptyShould(true)
                .check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.cli..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }

    @Test
    void needsNoJmhAtRunTime() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.openjdk.jmh..", "kz.shlyuz.bench.micro..")
                .check(MODULE);
    }
}
