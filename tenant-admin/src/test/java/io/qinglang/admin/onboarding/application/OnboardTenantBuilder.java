package io.qinglang.admin.onboarding.application;

import io.qinglang.admin.onboarding.application.OnboardTenant.FirstAdmin;

/** Builds {@link OnboardTenant} commands that are valid unless a test says otherwise. */
final class OnboardTenantBuilder {

    private String slug = "shanghai-cac";
    private String nameZh = "上海市网信办";
    private String nameEn = "Shanghai Cyberspace Administration";
    private String timeZone = "Asia/Shanghai";
    private String contactEmail = "jubao@example.gov.cn";
    private String contactPhone = "+86 21 1234 5678";
    private String template = "INTERNET_CONTENT";
    private FirstAdmin admin = new FirstAdmin("admin@example.gov.cn", "Li", "Wei");

    private OnboardTenantBuilder() {
    }

    static OnboardTenantBuilder anOnboarding() {
        return new OnboardTenantBuilder();
    }

    OnboardTenantBuilder slug(String slug) {
        this.slug = slug;
        return this;
    }

    OnboardTenantBuilder timeZone(String timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    OnboardTenantBuilder contactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
        return this;
    }

    OnboardTenantBuilder contactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
        return this;
    }

    OnboardTenantBuilder template(String template) {
        this.template = template;
        return this;
    }

    OnboardTenantBuilder admin(FirstAdmin admin) {
        this.admin = admin;
        return this;
    }

    OnboardTenantBuilder adminEmail(String email) {
        return admin(new FirstAdmin(email, "Li", "Wei"));
    }

    OnboardTenant build() {
        return new OnboardTenant(slug, nameZh, nameEn, timeZone, contactEmail, contactPhone, template, admin);
    }
}
