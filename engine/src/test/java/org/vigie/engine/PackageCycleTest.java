package org.vigie.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form layers: the fact model at the bottom, the contract's JSON and the
 * terminology on it, campaigns, then evaluation. A package that reaches back up makes a cycle.
 */
class PackageCycleTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigie.engine");

    @Test
    void noPackageOfTheEngineDependsOnAnotherThatDependsBackOnIt() {
        slices().matching("org.vigie.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
