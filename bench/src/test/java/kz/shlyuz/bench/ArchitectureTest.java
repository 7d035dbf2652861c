package kz.shlyuz.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the bench module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.bench} (so no package is split across modules), there is no {@code util}
 * package.
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link Bench} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(Bench.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.bench.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.bench..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }
}
