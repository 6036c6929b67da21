package io.qinglang.infra.dev;

import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.OnboardingService;
import io.qinglang.admin.onboarding.application.OrganizationDirectory;
import io.qinglang.admin.onboarding.application.TenantAdministration;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.StaffReport;
import io.qinglang.platform.cases.application.SubmitReport;
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
        demoReports();
    }

    /** A few reports taken by the demo handler on the hotline, by letter and by e-mail, so the console has cases. */
    private static void demoReports() {
        IntakeService intake = CDI.current().select(IntakeService.class).get();
        String handler = LOGINS.get(1).username();
        String[][] reports = {
                {"hotline", "gambling", "URL", "https://bet.example/", "ANONYMOUS", "来电反映：该网站发布网络赌博广告，诱导用户充值。"},
                {"post", "rumours", "ACCOUNT", "@rumour_mill", "CONFIDENTIAL", "来信反映：该账号持续散布不实信息，扰乱社会秩序。"},
                {"email", "fraud", "URL", "https://refund-helper.example/", "ANONYMOUS",
                        "A caller was asked for bank details by a fake customer-service site. / 冒充客服诈骗。"}};
        for (String[] r : reports) {
            SubmitReport.ReporterInput reporter = r[4].equals("ANONYMOUS") ? null
                    : new SubmitReport.ReporterInput("王女士", null, null);
            intake.registerByStaff(SLUG, handler, new StaffReport(r[0], r[1], new SubmitReport.SubjectInput(r[2], r[3]),
                    r[5], r[4], reporter, null, null, null), "demo-" + r[0]);
        }
    }
}
