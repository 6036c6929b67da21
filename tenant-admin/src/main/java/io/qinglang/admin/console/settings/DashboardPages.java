package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DisclosureView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.health.application.CheckOutcome;
import io.qinglang.admin.health.application.PlatformHealth;
import io.qinglang.platform.cases.application.CaseQueues;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.statistics.domain.PeriodType;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant admin's start: the body's cases at a glance (open, overdue, due within a week), this month's intake day by
 * day as a chart drawn on the server, the next disclosure report the schedule will make, and what needs seeing to —
 * a calendar year missing, no channel open to reporters, the sign-in service or the mail server out of reach.
 */
@Path("/admin")
@RequestScoped
@Produces(ConsoleView.HTML)
public class DashboardPages {

    /** The next report the schedule makes: for which period, and from which day. */
    public record NextReport(String period, String kind, LocalDate from) {
    }

    private final CaseQueues queues;
    private final ConfigurationService configuration;
    private final PlatformHealth health;
    private final TenantDirectory tenants;
    private final AdminPage admin;
    private final Clock clock;

    @Inject
    public DashboardPages(CaseQueues queues, ConfigurationService configuration, PlatformHealth health,
                          TenantDirectory tenants, AdminPage admin, Clock clock) {
        this.queues = queues;
        this.configuration = configuration;
        this.health = health;
        this.tenants = tenants;
        this.admin = admin;
        this.clock = clock;
    }

    @GET
    public Response dashboard(@BeanParam Reader reader) {
        String tenant = admin.tenant();
        CaseQueues.Overview overview = queues.overview(tenant);
        TenantConfigurationView view = configuration.view(tenant);
        LocalDate today = LocalDate.ofInstant(clock.instant(), tenants.zoneOf(tenant));
        Map<String, Object> model = new HashMap<>();
        model.put("overview", overview);
        model.put("peak", Math.max(1, overview.intakeThisMonth().stream().mapToLong(CaseQueues.DayCount::count).max()
                .orElse(0)));
        model.put("monthDays", today.lengthOfMonth());
        model.put("monthTotal", overview.intakeThisMonth().stream().mapToLong(CaseQueues.DayCount::count).sum());
        nextReport(view.disclosure(), today).ifPresent(next -> model.put("nextReport", next));
        model.put("warnings", warnings(view));
        model.put("calendarWarnings", configuration.calendar(tenant).warnings());
        return admin.page(200, "admin-dashboard", model, reader);
    }

    /** The earliest report the schedule will make: each period kind's current period, made once it has closed. */
    static java.util.Optional<NextReport> nextReport(DisclosureView disclosure, LocalDate today) {
        if (disclosure.publicStatistics().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<NextReport> next = new ArrayList<>();
        for (String kind : disclosure.reportPeriods()) {
            PeriodType type = switch (kind) {
                case "MONTHLY" -> PeriodType.MONTH;
                case "QUARTERLY" -> PeriodType.QUARTER;
                default -> PeriodType.YEAR;
            };
            Period closed = Period.latestClosed(type, today);
            Period current = new Period(type, closed.first().plusMonths(closed.length()));
            next.add(new NextReport(current.toString(), kind, current.lastDay().plusDays(1)));
        }
        return next.stream().min(Comparator.comparing(NextReport::from).thenComparing(NextReport::kind));
    }

    /** What an admin should see to, as keys of the page's texts: the body's set-up, and the platform's dependencies. */
    private List<String> warnings(TenantConfigurationView view) {
        List<String> warnings = new ArrayList<>();
        if (view.channels().stream().noneMatch(TenantConfigurationView.ChannelView::active)) {
            warnings.add("dashboard.warning.noChannel");
        }
        if (view.categories().stream().noneMatch(TenantConfigurationView.CategoryView::active)) {
            warnings.add("dashboard.warning.noCategory");
        }
        for (CheckOutcome check : health.recentDependencies()) {
            if (!check.ok()) {
                warnings.add(switch (check.name()) {
                    case "keycloak" -> "dashboard.warning.identity";
                    case "mail" -> "dashboard.warning.mail";
                    default -> "dashboard.warning.database";
                });
            }
        }
        return warnings.stream().distinct().toList();
    }
}
