package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.domain.TenantTemplate;

import java.util.regex.Pattern;

/** The platform operator onboards an organisation: who it is, which template it starts from, its first admin. */
public record OnboardTenant(String slug, String nameZh, String nameEn, String timeZone, String contactEmail,
                            String contactPhone, String template, FirstAdmin admin) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");

    /** The tenant's first administrator, invited by e-mail. */
    public record FirstAdmin(String email, String firstName, String lastName) {
    }

    public void validate() {
        InputErrors errors = new InputErrors()
                .text("/slug", slug, 40).matches("/slug", slug, SLUG,
                        "must be 3-40 lowercase letters, digits or hyphens, starting with a letter")
                .text("/nameZh", nameZh, 200).text("/nameEn", nameEn, 200)
                .text("/timeZone", timeZone, 64)
                .text("/contactEmail", contactEmail, 254).email("/contactEmail", contactEmail)
                .optionalText("/contactPhone", contactPhone, 40)
                .text("/template", template, 40)
                .oneOf("/template", template, TenantTemplate.class);
        if (!errors.has("/timeZone")) {
            errors.timeZone("/timeZone", timeZone);
        }
        if (admin == null) {
            errors.add("/admin", "is required");
        } else {
            AccountFields.check(errors, "/admin", admin.email(), admin.firstName(), admin.lastName());
        }
        errors.throwIfAny();
    }
}
