package io.qinglang.infra.dev;

import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.OnboardingService;
import io.qinglang.admin.onboarding.application.OrganizationDirectory;
import io.qinglang.admin.onboarding.application.TenantAdministration;
import io.qinglang.platform.shared.domain.NotFound;
import jakarta.enterprise.inject.spi.CDI;

import java.util.List;
import java.util.Set;

/**
 * The demo tenant of dev mode ({@value #SLUG}), onboarded through the same service the operator's API uses,
 * with an admin, a handler and a supervisor who can sign in at once.
 */
public final class DemoTenant {

    public static final String SLUG = "demo";
    public static final String PASSWORD = "demo-Passw0rd";

    /** A demo login. */
    public record Login(String username, String role) {
    }

    public static final List<Login> LOGINS = List.of(new Login("admin@demo.qinglang.local", "tenant-admin"),
            new Login("handler@demo.qinglang.local", "handler"), new Login("supervisor@demo.qinglang.local", "supervisor"));

    private DemoTenant() {
    }

    /** Onboards the demo tenant unless it exists; returns whether it was created now. */
    public static boolean ensure(Endpoints endpoints) {
        TenantAdministration administration = CDI.current().select(TenantAdministration.class).get();
        try {
            administration.get(SLUG);
            return false;
        } catch (NotFound absent) {
            onboard(endpoints);
            return true;
        }
    }

    private static void onboard(Endpoints endpoints) {
        OnboardingService onboarding = CDI.current().select(OnboardingService.class).get();
        var tenant = onboarding.onboard(new OnboardTenant(SLUG, "清朗示范举报中心", "Qinglang Demo Reporting Centre",
                "Asia/Shanghai", "contact@demo.qinglang.local", "+86 10 12377", "INTERNET_CONTENT",
                new OnboardTenant.FirstAdmin(LOGINS.getFirst().username(), "Demo", "Admin")), "dev-mode");
        OrganizationDirectory directory = CDI.current().select(OrganizationDirectory.class).get();
        for (Login staff : LOGINS.subList(1, LOGINS.size())) {
            directory.addMember(tenant.organizationId(), staff.username(), "Demo", staff.role(), Set.of(staff.role()));
        }
        LOGINS.forEach(login -> DevAccounts.activate(endpoints, login.username(), PASSWORD));
    }
}
