package kz.shlyuz.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kz.shlyuz.gateway.caller.Caller;
import org.junit.jupiter.api.Test;

/** The build keeps the shape: what each capability may know of the others. */
class ArchitectureTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.shlyuz.gateway");
    /** This module's main classes only (the folder or jar {@link Caller} was loaded from), for the module-shape rules. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(Caller.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void signatureKnowsNothingOfServicesRoutingOrStorage() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.signature..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.admission..",
                        "..gateway.routing..",
                        "..gateway.journal..",
                        "..gateway.call..",
                        "..gateway.server..",
                        "..gateway.config..")
                .check(GATEWAY);
    }

    @Test
    void statusDependsOnNoOtherCapability() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.status..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.signature..",
                        "..gateway.admission..",
                        "..gateway.routing..",
                        "..gateway.journal..",
                        "..gateway.call..",
                        "..gateway.server..")
                .check(GATEWAY);
    }

    @Test
    void journalDoesNotReachOutToCallersOrAgencies() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.journal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.call..",
                        "..gateway.routing..",
                        "..gateway.server..",
                        "..gateway.admission..",
                        "..gateway.signature..")
                .check(GATEWAY);
    }

    @Test
    void onlyTheServerPackageKnowsTheServerBootstrap() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..gateway.server..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("kz.shlyuz.gateway.server.GatewayServer")
                .check(GATEWAY);
    }

    @Test
    void signatureKnowsNothingOfTheProcess() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.signature..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.process..", "..gateway.submit..", "..gateway.outbox..")
                .check(GATEWAY);
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.gateway.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.gateway..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }

    @Test
    void servicesReadTheCallerWithoutKnowingTheServerBootstrap() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway.cabinet..", "..gateway.notices..", "..gateway.caller..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..gateway.server..")
                .check(MODULE);
    }
}
