package io.qinglang.infra.server;

import io.qinglang.admin.console.operator.BodiesPagesResource;
import io.qinglang.admin.console.operator.HealthPagesResource;
import io.qinglang.admin.console.operator.OnboardingPagesResource;
import io.qinglang.admin.console.settings.AuditPages;
import io.qinglang.admin.console.settings.ExportPages;
import io.qinglang.admin.console.settings.RetentionPages;
import io.qinglang.admin.console.settings.CalendarPages;
import io.qinglang.admin.console.settings.CategoryPages;
import io.qinglang.admin.console.settings.ChannelPages;
import io.qinglang.admin.console.settings.DashboardPages;
import io.qinglang.admin.console.settings.DeadlinePages;
import io.qinglang.admin.console.settings.DisclosureReportPages;
import io.qinglang.admin.console.settings.DisclosureSettingsPages;
import io.qinglang.admin.console.settings.RewardRulePages;
import io.qinglang.admin.console.settings.StaffPages;
import io.qinglang.admin.console.web.CasePagesResource;
import io.qinglang.admin.console.web.ConsoleAssets;
import io.qinglang.admin.console.web.ConsoleErrors;
import io.qinglang.admin.console.web.ConsoleGate;
import io.qinglang.admin.console.web.HomeResource;
import io.qinglang.admin.console.web.IntakePagesResource;
import io.qinglang.admin.console.web.RewardPagesResource;
import io.qinglang.admin.console.web.SignInResource;
import io.qinglang.admin.console.web.WorkspaceResource;
import io.qinglang.infra.dev.SeedingGate;
import io.qinglang.infra.http.AccessLogFilter;
import io.qinglang.infra.http.FormEncodingFilter;
import io.qinglang.infra.http.LocationFilter;
import io.qinglang.infra.http.RequestMetricsFilter;
import io.qinglang.infra.http.RequestOriginFilter;
import io.qinglang.infra.http.TraceFilter;
import io.qinglang.platform.shared.web.pages.PageHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * The staff console's pages under {@code /console}: signed in through Keycloak, with a server-side session, the same
 * page machinery and security headers as the portal. Part of the tenant-administration module: it is left out with
 * {@code qinglang.modules.admin.enabled=false} ({@link ModuleSwitches}).
 */
@ApplicationScoped
@ApplicationPath("/console")
public class ConsoleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SignInResource.class, HomeResource.class, WorkspaceResource.class, CasePagesResource.class,
                IntakePagesResource.class, RewardPagesResource.class, ConsoleAssets.class, ConsoleGate.class,
                ConsoleErrors.class, PageHeaders.class, SeedingGate.class, RequestOriginFilter.class, FormEncodingFilter.class,
                LocationFilter.class, AccessLogFilter.class, ObjectMapperResolver.class, TraceFilter.class,
                RequestMetricsFilter.class,
                // a tenant admin's pages
                DashboardPages.class, ChannelPages.class, CategoryPages.class, DeadlinePages.class, CalendarPages.class,
                RewardRulePages.class, DisclosureSettingsPages.class, DisclosureReportPages.class, StaffPages.class,
                AuditPages.class,
                RetentionPages.class,
                ExportPages.class,
                // the platform operator's pages
                BodiesPagesResource.class, OnboardingPagesResource.class, HealthPagesResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return LocationFilter.APPLICATION_PROPERTIES;
    }
}
