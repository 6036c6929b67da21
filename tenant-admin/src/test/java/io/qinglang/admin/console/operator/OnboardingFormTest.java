package io.qinglang.admin.console.operator;

import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.TemplateDefaults;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnboardingFormTest {

    @Test
    void theFormMakesTheSameCommandAsTheApiWithTheFirstAdminFromItsDottedFields() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("slug", "city-cac");
        form.add("nameZh", "市网信办");
        form.add("nameEn", "City CAC");
        form.add("timeZone", "Asia/Shanghai");
        form.add("contactEmail", "contact@city.example");
        form.add("contactPhone", "");
        form.add("template", "CONSUMER_COMPLAINTS");
        form.add("admin.email", "admin@city.example");
        form.add("admin.firstName", "Ada");
        form.add("admin.lastName", "Admin");
        form.add("csrf", "token");

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
