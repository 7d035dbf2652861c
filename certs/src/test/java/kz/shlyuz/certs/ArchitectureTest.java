package kz.shlyuz.certs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import kz.shlyuz.certs.identity.Iin;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the certs module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.certs} (so no package is split across modules), there is no {@code util}
 * package, and it knows nothing of the gateway or the adapters.
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link Iin} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(Iin.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.certs.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.certs..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }

    @Test
    void knowsNothingOfTheGatewayOrTheAdapters() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("kz.shlyuz.gateway..", "kz.shlyuz.adapters..")
                .check(MODULE);
    }
}
