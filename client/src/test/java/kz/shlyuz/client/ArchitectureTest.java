package kz.shlyuz.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the client module's shape: its packages form no cycle, all of them lie under
 * {@code kz.shlyuz.client} (so no package is split across modules), there is no {@code util}
 * package, and the library a front end embeds knows nothing of the gateway (nor of the agency
 * adapters), so embedding it pulls in neither.
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link GatewayClient} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(GatewayClient.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.client.(*)..")
                .should()
                .beFreeOfCycles()
                // One package today: the rule keeps sub-packages, once there are any, free of cycles.
                .allowEmptyShould(true)
                .check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.client..").check(MODULE);
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
