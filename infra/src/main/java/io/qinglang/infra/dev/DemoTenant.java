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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The demo tenant of dev mode ({@value #SLUG}), onboarded through the same service the operator's API uses,
 * with an admin, a handler and a supervisor who can sign in at once, and a year of history: it joined a year ago,
 * and since then reports arrived and were handled ({@link DemoYear}) through the platform's own services while
 * dev mode's {@link SeedingClock} stood at each step's moment. Then, at the present, the three reports the handler
 * took today by phone, letter and e-mail.
 */
public final class DemoTenant {

    public static final String SLUG = "demo";
    public static final String PASSWORD = "demo-Passw0rd";
    static final String HANDLER = "handler@demo.qinglang.local";
    static final String SUPERVISOR = "supervisor@demo.qinglang.local";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A demo login. */
    public record Login(String username, String role) {
    }

    /**
     * What the seeding wrote: reports over the year, steps taken, reports whose steps the platform refused (0 unless
     * the platform's rules changed under the demo), and how long it took.
     */
    public record Seeded(int reports, int steps, int refusedReports, Duration took) {
        Seeded(int reports, int steps, int refusedReports) {
            this(reports, steps, refusedReports, Duration.ZERO);
        }

        Seeded took(Duration d) {
            return new Seeded(reports, steps, refusedReports, d);
        }
    }

    public static final List<Login> LOGINS = List.of(new Login("admin@demo.qinglang.local", "tenant-admin"),
            new Login(HANDLER, "handler"), new Login(SUPERVISOR, "supervisor"));

    private DemoTenant() {
    }

    /**
     * Onboards the demo tenant with its year unless it exists; returns what was written, or nothing if it existed.
     * Needs the {@link SeedingClock} installed as the platform's clock (dev mode and the tests' platform do).
     */
    public static Optional<Seeded> ensure(Endpoints endpoints, Consumer<String> progress) {
        TenantAdministration administration = CDI.current().select(TenantAdministration.class).get();
        try {
            administration.get(SLUG);
            return Optional.empty();
        } catch (NotFound absent) {
            return Optional.of(onboard(endpoints, progress));
        }
    }

    private static Seeded onboard(Endpoints endpoints, Consumer<String> progress) {
        SeedingClock clock = SeedingClock.installed().orElseThrow(() -> new IllegalStateException(
                "the demo body's history needs dev mode's seeding clock as the platform's clock"));
        Instant began = Instant.now();
        LocalDate joined = began.atZone(ZONE).toLocalDate().minusYears(1);
        progress.accept("demo: onboarding the demo body on " + joined + " and writing its year up to today …");
        clock.begin(joined.atTime(9, 0).atZone(ZONE).toInstant());
        Seeded seeded;
        try {
            String tenantId = onboardTenant(endpoints);
            DemoSettings.apply(SLUG, LOGINS.getFirst().username());
            seeded = new DemoHistory(clock, new DemoDesk(SLUG, HANDLER, SUPERVISOR), ZONE, progress)
                    .play(joined.plusDays(1), began);
            DemoHistory.recountStatistics(endpoints, tenantId);
        } finally {
            clock.end();
        }
        demoReports();
        Seeded done = seeded.took(Duration.between(began, Instant.now()));
        progress.accept("demo: " + done.reports() + " reports over the year, " + done.steps() + " steps, in "
                + done.took().toMillis() / 100 / 10.0 + " s" + (done.refusedReports() == 0 ? ""
                : " (" + done.refusedReports() + " reports left unfinished: the platform refused a step)"));
        return done;
    }

    private static String onboardTenant(Endpoints endpoints) {
        OnboardingService onboarding = CDI.current().select(OnboardingService.class).get();
        var tenant = onboarding.onboard(new OnboardTenant(SLUG, "清朗示范举报中心", "Qinglang Demo Reporting Centre",
                ZONE.getId(), "contact@demo.qinglang.local", "+86 10 12377", "INTERNET_CONTENT",
                new OnboardTenant.FirstAdmin(LOGINS.getFirst().username(), "Demo", "Admin")), "dev-mode");
        OrganizationDirectory directory = CDI.current().select(OrganizationDirectory.class).get();
        for (Login staff : LOGINS.subList(1, LOGINS.size())) {
            directory.addMember(tenant.organizationId(), staff.username(), "Demo", staff.role(), Set.of(staff.role()));
        }
        LOGINS.forEach(login -> DevAccounts.activate(endpoints, login.username(), PASSWORD));
        return tenant.id();
    }

    /** A few reports taken by the demo handler on the hotline, by letter and by e-mail, so the console has cases. */
    private static void demoReports() {
        IntakeService intake = CDI.current().select(IntakeService.class).get();
        String[][] reports = {
                {"hotline", "gambling", "URL", "https://bet.example/", "ANONYMOUS", "来电反映：该网站发布网络赌博广告，诱导用户充值。"},
                {"post", "rumours", "ACCOUNT", "@rumour_mill", "CONFIDENTIAL", "来信反映：该账号持续散布不实信息，扰乱社会秩序。"},
                {"email", "fraud", "URL", "https://refund-helper.example/", "ANONYMOUS",
                        "A caller was asked for bank details by a fake customer-service site. / 冒充客服诈骗。"}};
        for (String[] r : reports) {
            SubmitReport.ReporterInput reporter = r[4].equals("ANONYMOUS") ? null
                    : new SubmitReport.ReporterInput("王女士", null, null);
            intake.registerByStaff(SLUG, HANDLER, new StaffReport(r[0], r[1], new SubmitReport.SubjectInput(r[2], r[3]),
                    r[5], r[4], reporter, null, null, null), "demo-" + r[0]);
        }
    }
}
