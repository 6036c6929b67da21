package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.domain.TenantTemplate;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The platform operator onboards an organisation: who it is, which template it starts from, its first admin. */
public record OnboardTenant(String slug, String nameZh, String nameEn, String timeZone, String contactEmail,
                            String contactPhone, String template, FirstAdmin admin) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");

    /** The tenant's first administrator, invited by e-mail. */
    public record FirstAdmin(String email, String firstName, String lastName) {
    }

    public void validate() {
        InputErrors errors = new InputErrors()
                .text("/slug", slug, 40).matches("/slug", slug, SLUG,
                        "must be 3-40 lowercase letters, digits or hyphens, starting with a letter")
                .text("/nameZh", nameZh, 200).text("/nameEn", nameEn, 200)
                .text("/timeZone", timeZone, 64)
                .text("/contactEmail", contactEmail, 254).matches("/contactEmail", contactEmail, EMAIL, "must be an e-mail address")
                .optionalText("/contactPhone", contactPhone, 40)
                .text("/template", template, 40)
                .oneOf("/template", template, Arrays.stream(TenantTemplate.values()).map(Enum::name).toList());
        if (timeZone != null && !errors.has("/timeZone") && !validZone(timeZone)) {
            errors.add("/timeZone", "must be an IANA time zone such as Asia/Shanghai");
        }
        if (admin == null) {
            errors.add("/admin", "is required");
        } else {
            errors.text("/admin/email", admin.email(), 254).matches("/admin/email", admin.email(), EMAIL, "must be an e-mail address")
                    .text("/admin/firstName", admin.firstName(), 100).text("/admin/lastName", admin.lastName(), 100);
        }
        errors.throwIfAny();
    }

    /** A region of the IANA database; ZoneId.of alone also takes fixed offsets, which know no daylight saving. */
    private static boolean validZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}
