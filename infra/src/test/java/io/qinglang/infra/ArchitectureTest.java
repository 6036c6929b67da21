package io.qinglang.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module walls of STYLE.md, over the production classes of every module on infra's class path. */
class ArchitectureTest {

    private static JavaClasses qinglang;

    @BeforeAll
    static void importProductionClasses() {
        qinglang = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // platform-api's test jar (the statistics tests' reader, shared with the integration tests)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.qinglang");
    }

    @Test
    void seesTheProductionClassesOfEveryModuleAndNoTests() {
        assertThat(qinglang.contain("io.qinglang.platform.cases.domain.ReceiptCode")).isTrue();
        assertThat(qinglang.contain("io.qinglang.admin.onboarding.application.OnboardTenant")).isTrue();
        assertThat(qinglang.contain("io.qinglang.portal.package-info")).isTrue();
        assertThat(qinglang.contain("io.qinglang.infra.server.Main")).isTrue();
        assertThat(qinglang.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void platformDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.qinglang.platform..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.qinglang.admin..", "io.qinglang.portal..", "io.qinglang.infra..")
                .check(qinglang);
    }

    @Test
    void tenantAdminDependsNeitherOnInfraNorOnThePortal() {
        noClasses().that().resideInAPackage("io.qinglang.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qinglang.infra..", "io.qinglang.portal..")
                .check(qinglang);
    }

    @Test
    void portalDependsNeitherOnInfraNorOnTenantAdmin() {
        noClasses().that().resideInAPackage("io.qinglang.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qinglang.infra..", "io.qinglang.admin..")
                .check(qinglang);
    }

    @Test
    void domainUsesOnlyJavaJpaValidationAndOtherDomains() {
        classes().that().resideInAPackage("io.qinglang..domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.persistence..", "jakarta.validation..", "io.qinglang.platform..domain..")
                .check(qinglang);
    }

    @Test
    void platformUsesNeitherEclipseLinkNorKeycloak() {
        noClasses().that().resideInAPackage("io.qinglang.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.persistence..", "org.keycloak..")
                .check(qinglang);
    }

    @Test
    void noClassIsAManagerHelperUtilOrImpl() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Impl")
                .check(qinglang);
    }
}
