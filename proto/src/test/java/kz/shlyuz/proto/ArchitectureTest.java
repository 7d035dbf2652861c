package kz.shlyuz.proto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import kz.shlyuz.proto.seal.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the wire-contract module's shape: its packages (the generated {@code v1} and the
 * hand-written {@code seal}) form no cycle and lie under {@code kz.shlyuz.proto} (so no package is
 * split across modules), there is no {@code util} package, and the contract knows nothing of the
 * modules built on it.
 */
class ArchitectureTest {
    /** This module's main classes only: the folder or jar {@link MerkleTree} was loaded from. */
    private static final JavaClasses MODULE = new ClassFileImporter()
            .importUrl(MerkleTree.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kz.shlyuz.proto.(*)..").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage("kz.shlyuz.proto..").check(MODULE);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(MODULE);
    }

    @Test
    void knowsNothingOfTheModulesBuiltOnIt() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "kz.shlyuz.certs..",
                        "kz.shlyuz.client..",
                        "kz.shlyuz.gateway..",
                        "kz.shlyuz.adapters..",
                        "kz.shlyuz.bench..",
                        "kz.shlyuz.cli..")
                .check(MODULE);
    }
}
