package kz.shlyuz.certs.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The shape every module keeps, as tests a module's {@code ArchitectureTest} inherits: its packages
 * form no cycle, all of them lie under the module's own prefix (so no package is split across
 * modules), and there is no {@code util} package. The rules read the module's main classes only:
 * the folder or jar the given class was loaded from. A module adds its own rules as further tests
 * over {@link #module()}.
 */
public abstract class ModuleShapeTest {
    private final String prefix;
    private final JavaClasses module;

    /**
     * Reads the module's main classes.
     *
     * @param prefix the module's package prefix, e.g. {@code kz.shlyuz.cli}
     * @param anyMainClass a main class of the module, to find its classes by
     */
    protected ModuleShapeTest(String prefix, Class<?> anyMainClass) {
        this.prefix = prefix;
        this.module = new ClassFileImporter()
                .importUrl(anyMainClass.getProtectionDomain().getCodeSource().getLocation());
    }

    /** The module's main classes. */
    protected final JavaClasses module() {
        return module;
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(prefix + ".(*)..")
                .should()
                .beFreeOfCycles()
                // A module of one package: the rule keeps sub-packages, once there are any, free of cycles.
                .allowEmptyShould(true)
                .check(module);
    }

    @Test
    void everyPackageLiesUnderTheModulesOwnPrefix() {
        classes().should().resideInAPackage(prefix + "..").check(module);
    }

    @Test
    void noClassLivesInAUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(module);
    }

    /** A rule for a module's own test: none of its classes uses a class in these packages. */
    protected final void knowsNothingOf(String... packages) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(packages).check(module);
    }
}
