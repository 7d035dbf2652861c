package kz.shlyuz.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kz.shlyuz.gateway.caller.Caller;
import org.junit.jupiter.api.Test;

/** The build keeps the shape: what each capability may know of the others. */
class ArchitectureTest extends kz.shlyuz.certs.testing.ModuleShapeTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.shlyuz.gateway");

    ArchitectureTest() {
        super("kz.shlyuz.gateway", Caller.class);
    }

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
    void servicesReadTheCallerWithoutKnowingTheServerBootstrap() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway.cabinet..", "..gateway.notices..", "..gateway.caller..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..gateway.server..")
                .check(module());
    }
}
