package io.qinglang.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qinglang.infra.dev.DemoTenant;
import io.qinglang.infra.dev.DevServer;
import io.qinglang.infra.dev.SeedingClock;
import io.qinglang.platform.shared.domain.DomainException;
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

    /**
     * The clock dev mode's seeding moves is installed by dev mode's launcher alone (the server's {@code Main} and
     * configuration cannot), and moved only by the demo body's seeding.
     */
    @Test
    void onlyDevModeInstallsAndMovesTheSeedingClock() {
        noClasses().that().doNotHaveFullyQualifiedName(DevServer.class.getName())
                .should().callMethod(SeedingClock.class, "install").check(qinglang);
        for (String move : new String[]{"begin", "advanceTo"}) {
            noClasses().that().doNotHaveFullyQualifiedName(DemoTenant.class.getName())
                    .and().doNotHaveFullyQualifiedName("io.qinglang.infra.dev.DemoHistory")
                    .should().callMethod(SeedingClock.class, move, java.time.Instant.class).check(qinglang);
        }
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

    @Test
    void platformFeaturesFormNoCycle() {
        slices().matching("io.qinglang.platform.(*)..").should().beFreeOfCycles().check(qinglang);
    }

    @Test
    void adminFeaturesFormNoCycle() {
        slices().matching("io.qinglang.admin.(*)..").should().beFreeOfCycles().check(qinglang);
    }

    /**
     * Web classes reach the domain's behaviour only through an application service: of the domain they may use the
     * values and errors that cross the boundary (records, enums, exceptions), never an entity or a repository port.
     */
    @Test
    void webReachesTheDomainOnlyThroughApplication() {
        noClasses().that().resideInAPackage("io.qinglang..web..")
                .should().dependOnClassesThat(DOMAIN_BEHAVIOUR)
                .check(qinglang);
    }

    private static final DescribedPredicate<JavaClass> DOMAIN_BEHAVIOUR = new DescribedPredicate<>(
            "are domain entities, services or ports (not records, enums or exceptions)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c.isNestedClass() ? c.getEnclosingClass().orElse(c) : c;
            return top.getPackageName().contains(".domain") && !c.isRecord() && !c.isEnum()
                    && !c.isAssignableTo(Throwable.class) && !c.isAssignableTo(DomainException.class) && !c.getSimpleName().equals("package-info");
        }
    };
}
