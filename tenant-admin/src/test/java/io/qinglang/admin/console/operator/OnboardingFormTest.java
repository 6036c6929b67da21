package io.qinglang.admin.console.operator;

import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.TemplateDefaults;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import io.qinglang.platform.shared.domain.InvalidInput;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnboardingFormTest {

    private static MultivaluedHashMap<String, String> form(String... pairs) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void theFormMakesTheSameCommandAsTheApiWithTheFirstAdminFromItsDottedFields() {
        var form = form("slug", "city-cac", "nameZh", "市网信办", "nameEn", "City CAC", "timeZone", "Asia/Shanghai",
                "contactEmail", "contact@city.example", "contactPhone", "", "template", "CONSUMER_COMPLAINTS",
                "admin.email", "admin@city.example", "admin.firstName", "Ada", "admin.lastName", "Admin", "csrf", "token");

        assertThat(FormBinding.bind(OnboardTenant.class, form)).isEqualTo(new OnboardTenant("city-cac", "市网信办",
                "City CAC", "Asia/Shanghai", "contact@city.example", null, "CONSUMER_COMPLAINTS",
                new OnboardTenant.FirstAdmin("admin@city.example", "Ada", "Admin")));
    }

    @Test
    void anErrorsPointerNamesTheFormsField() {
        assertThat(OnboardingPagesResource.field("/admin/email")).isEqualTo("admin.email");
        assertThat(OnboardingPagesResource.field("/slug")).isEqualTo("slug");
    }

    @Test
    void aFirstAdminLeftOutMarksEachOfTheirFieldsAndAMalformedSlugIsSaidInTheReadersWords() {
        var form = form("slug", "Not A Slug", "nameZh", "市网信办", "nameEn", "City CAC", "timeZone", "Asia/Shanghai",
                "contactEmail", "contact@city.example", "template", "INTERNET_CONTENT");
        OnboardTenant command = (OnboardTenant) FormBinding.bind(OnboardTenant.class, form);
        Map<String, String> texts = Map.of("field.required", "此项必填。", "field.slug", "请使用小写字母。");
        try {
            command.validate();
            throw new AssertionError("an onboarding without its first admin was accepted");
        } catch (InvalidInput e) {
            assertThat(OnboardingPagesResource.messages(e, texts)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "slug", "请使用小写字母。", "admin.email", "此项必填。", "admin.firstName", "此项必填。",
                    "admin.lastName", "此项必填。"));
        }
    }

    @Test
    void anUnknownTemplateShowsTheFirst() {
        assertThat(OnboardingPagesResource.chosen("EU_WHISTLEBLOWING")).isEqualTo("EU_WHISTLEBLOWING");
        assertThat(OnboardingPagesResource.chosen("<script>")).isEqualTo("INTERNET_CONTENT");
        assertThat(OnboardingPagesResource.chosen(null)).isEqualTo("INTERNET_CONTENT");
    }

    @Test
    void aTemplatesDefaultsAreWhatItSeeds() {
        TemplateDefaults defaults = TemplateDefaults.of(TenantTemplate.INTERNET_CONTENT);
        assertThat(defaults.channels()).hasSameSizeAs(TenantTemplate.INTERNET_CONTENT.channels());
        assertThat(defaults.categories()).filteredOn(TemplateDefaults.CategoryDefault::urgent)
                .extracting(TemplateDefaults.CategoryDefault::code)
                .containsExactly("violence-terror", "minors", "self-harm");
        assertThat(defaults.policies()).filteredOn(p -> p.stage().equals("DECIDE")).singleElement()
                .satisfies(p -> {
                    assertThat(p.amount()).isEqualTo(10);
                    assertThat(p.unit()).isEqualTo("WORKING_DAYS");
                    assertThat(p.category()).isNull();
                });
    }
}
