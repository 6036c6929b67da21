package io.qinglang.infra.server;

import io.qinglang.admin.disclosure.web.DisclosureReportsResource;
import io.qinglang.admin.export.web.BodyExportsResource;
import io.qinglang.admin.export.web.ExportsResource;
import io.qinglang.platform.disclosure.web.AuditHeadResource;
import io.qinglang.platform.disclosure.web.PublishedReportsResource;
import io.qinglang.admin.configuration.web.ConfigurationResource;
import io.qinglang.admin.configuration.web.PublicConfigurationResource;
import io.qinglang.admin.onboarding.web.PlatformTenantsResource;
import io.qinglang.admin.staff.web.StaffResource;
import io.qinglang.infra.dev.SeedingGate;
import io.qinglang.infra.http.AccessLogFilter;
import io.qinglang.infra.http.DomainExceptionMapper;
import io.qinglang.infra.http.LocationFilter;
import io.qinglang.infra.http.ProblemResponseFilter;
import io.qinglang.infra.http.RequestMetricsFilter;
import io.qinglang.infra.http.RequestOriginFilter;
import io.qinglang.infra.http.SecurityHeadersFilter;
import io.qinglang.infra.http.TraceFilter;
import io.qinglang.infra.http.UnexpectedExceptionMapper;
import io.qinglang.infra.http.WebApplicationExceptionMapper;
import io.qinglang.platform.audit.web.AuditResource;
import io.qinglang.platform.cases.web.CaseActionsResource;
import io.qinglang.platform.cases.web.HandlerCasesResource;
import io.qinglang.platform.cases.web.IntakeResource;
import io.qinglang.platform.cases.web.TrackingResource;
import io.qinglang.platform.rewards.web.RewardClaimResource;
import io.qinglang.platform.rewards.web.RewardResource;
import io.qinglang.platform.statistics.web.StatisticsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the one deployable from the modules. The tenant-administration module can be switched off
 * by configuration (a public node can run without admin routes); staff calls carry Keycloak tokens
 * (MicroProfile JWT, roles from the {@code groups} claim).
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "qinglang")
public class QinglangApplication extends Application {

    /** What every request of the API passes through besides its resource: filters, exception mappers, the JSON mapper. */
    public static final List<Class<?>> PROVIDERS = List.of(
            DomainExceptionMapper.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class,
            ProblemResponseFilter.class, SeedingGate.class, RequestOriginFilter.class, LocationFilter.class,
            SecurityHeadersFilter.class, AccessLogFilter.class, ObjectMapperResolver.class, TraceFilter.class,
            RequestMetricsFilter.class);

    private final boolean adminEnabled;

    @Inject
    public QinglangApplication(@ConfigProperty(name = "qinglang.modules.admin.enabled", defaultValue = "true")
                               boolean adminEnabled) {
        this.adminEnabled = adminEnabled;
    }

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(PROVIDERS);
        classes.addAll(List.of(IntakeResource.class, TrackingResource.class, AuditResource.class,
                HandlerCasesResource.class,
                CaseActionsResource.class, RewardResource.class, RewardClaimResource.class, StatisticsResource.class, PublishedReportsResource.class,
                AuditHeadResource.class));
        if (adminEnabled) {
            classes.addAll(List.of(PlatformTenantsResource.class, ConfigurationResource.class,
                    PublicConfigurationResource.class, StaffResource.class, DisclosureReportsResource.class,
                    ExportsResource.class, BodyExportsResource.class));
        }
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return LocationFilter.APPLICATION_PROPERTIES;
    }
}
