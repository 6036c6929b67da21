package io.qinglang.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The walls between modules and layers that STYLE.md draws, held by the build. */
class ArchitectureTest {

    static JavaClasses qinglang;

    @BeforeAll
    static void importClasses() {
        qinglang = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.qinglang");
    }

    @Test
    void platformApiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.qinglang.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qinglang.admin..", "io.qinglang.portal..",
                        "io.qinglang.infra..", "io.qinglang.benchmarks..")
                .check(qinglang);
    }

    @Test
    void adminAndPortalDependOnlyOnThePlatformApi() {
        noClasses().that().resideInAPackage("io.qinglang.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qinglang.infra..", "io.qinglang.portal..")
                .check(qinglang);
        noClasses().that().resideInAPackage("io.qinglang.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qinglang.infra..", "io.qinglang.admin..")
                .check(qinglang);
    }

    @Test
    void domainImportsOnlyJavaPersistenceValidationAndOtherDomains() {
        classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.persistence..",
                        "jakarta.validation..", "io.qinglang.platform..domain..")
                .check(qinglang);
    }

    @Test
    void thePlatformApiKnowsNeitherEclipseLinkNorKeycloak() {
        noClasses().that().resideInAnyPackage("io.qinglang.platform..", "io.qinglang.admin..", "io.qinglang.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.persistence..", "org.keycloak..")
                .check(qinglang);
    }

    @Test
    void namesSayWhatThingsAre() {
        noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Impl")
                .check(qinglang);
    }
}
