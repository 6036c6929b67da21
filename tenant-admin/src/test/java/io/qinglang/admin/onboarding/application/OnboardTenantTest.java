package io.qinglang.admin.onboarding.application;

import static io.qinglang.admin.onboarding.application.OnboardTenantBuilder.anOnboarding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OnboardTenantTest {

    /** The JSON pointers the command is refused for, each once; empty when it is valid. */
    private static List<String> refusedFields(OnboardTenantBuilder command) {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, () -> command.build().validate());
        return refusal == null ? List.of() : refusal.errors().stream().map(FieldError::pointer).distinct().toList();
    }

    @Test
    void acceptsACompleteOnboarding() {
        assertThat(refusedFields(anOnboarding())).isEmpty();
    }

    @Test
    void acceptsAnOnboardingWithoutContactPhone() {
        assertThat(refusedFields(anOnboarding().contactPhone(null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a1b", "shanghai-cac", "samr-12315", "a23456789012345678901234567890123456789z"})
    void acceptsASlugOfThreeToFortyLowerCaseLettersDigitsAndHyphens(String slug) {
        assertThat(refusedFields(anOnboarding().slug(slug))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a234567890123456789012345678901234567890z", "Shanghai", "1shanghai", "-shanghai",
            "shanghai-", "shang_hai", "shang hai", "shàng", "上海", "shanghai/admin"})
    void rejectsASlugThatBreaksTheRules(String slug) {
        assertThat(refusedFields(anOnboarding().slug(slug))).containsExactly("/slug");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAnOnboardingWithoutSlug(String slug) {
        assertThat(refusedFields(anOnboarding().slug(slug))).containsExactly("/slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Shanghai", "Asia/Hong_Kong", "Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC"})
    void acceptsAnIanaTimeZone(String zone) {
        assertThat(refusedFields(anOnboarding().timeZone(zone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Beijing", "asia/shanghai", "CST", "Asia/Shanghai "})
    void rejectsATimeZoneThatIsNotIana(String zone) {
        assertThat(refusedFields(anOnboarding().timeZone(zone))).containsExactly("/timeZone");
    }

    /** A fixed offset is not a place: it knows no daylight saving, so an EU tenant's deadlines would drift. */
    @ParameterizedTest
    @ValueSource(strings = {"+08:00", "Z", "UTC+8", "GMT+01:00", "UT-05:00"})
    void rejectsAFixedOffsetForATimeZone(String zone) {
        assertThat(refusedFields(anOnboarding().timeZone(zone))).containsExactly("/timeZone");
    }

    @Test
    void rejectsAnOnboardingWithoutTimeZone() {
        assertThat(refusedFields(anOnboarding().timeZone(null))).containsExactly("/timeZone");
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void acceptsEachOfTheThreeTemplates(TenantTemplate template) {
        assertThat(refusedFields(anOnboarding().template(template.name()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"internet_content", "A", "CUSTOM", "EU-WHISTLEBLOWING"})
    void rejectsATemplateThatIsNotOneOfTheThree(String template) {
        assertThat(refusedFields(anOnboarding().template(template))).containsExactly("/template");
    }

    @Test
    void namesTheThreeTemplatesWhenRefusingAnother() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> anOnboarding().template("CUSTOM").build().validate());

        assertThat(refusal.errors()).singleElement().extracting(FieldError::detail).asString()
                .contains("INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING");
    }

    @Test
    void rejectsAnOnboardingWithoutTemplate() {
        assertThat(refusedFields(anOnboarding().template(null))).containsExactly("/template");
    }

    @Test
    void rejectsAnOnboardingWithoutFirstAdmin() {
        assertThat(refusedFields(anOnboarding().admin(null))).containsExactly("/admin");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"admin", "admin@localhost", "admin@@example.org", "ad min@example.org"})
    void rejectsAFirstAdminWithoutAValidEmail(String email) {
        assertThat(refusedFields(anOnboarding().adminEmail(email))).containsExactly("/admin/email");
    }

    @Test
    void rejectsAFirstAdminWithoutName() {
        assertThat(refusedFields(anOnboarding().admin(new OnboardTenant.FirstAdmin("admin@example.org", "", null))))
                .containsExactly("/admin/firstName", "/admin/lastName");
    }

    @Test
    void rejectsAnInvalidContactEmail() {
        assertThat(refusedFields(anOnboarding().contactEmail("jubao at example"))).containsExactly("/contactEmail");
    }

    @Test
    void listsEveryRefusedFieldAtOnce() {
        assertThat(refusedFields(anOnboarding().slug("X").timeZone("Mars/Base").template("D").admin(null)))
                .containsExactlyInAnyOrder("/slug", "/timeZone", "/template", "/admin");
    }
}
