package kz.shlyuz.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the adapters module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.adapters} (so no package is split across modules), there is no {@code util}
 * package, and the agency adapters know nothing of the gateway.
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link AdapterServer} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(AdapterServer.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.adapters.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.adapters..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }

    @Test
    void knowsNothingOfTheGateway() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("kz.shlyuz.gateway..")
                .check(MODULE);
    }
}
