package io.qinglang.infra.server;

import io.qinglang.infra.dev.SeedingGate;
import io.qinglang.infra.http.AccessLogFilter;
import io.qinglang.infra.http.FormEncodingFilter;
import io.qinglang.infra.http.LocationFilter;
import io.qinglang.infra.http.RequestMetricsFilter;
import io.qinglang.infra.http.RequestOriginFilter;
import io.qinglang.infra.http.TraceFilter;
import io.qinglang.platform.shared.web.pages.PageHeaders;
import io.qinglang.portal.web.DisclosurePages;
import io.qinglang.portal.web.PortalErrors;
import io.qinglang.portal.web.PortalResource;
import io.qinglang.portal.web.ReportPages;
import io.qinglang.portal.web.StatisticsPages;
import io.qinglang.portal.web.TrackingPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * The public portal's pages at the site root, beside the API under {@code /api}: HTML with its own security
 * headers and error pages. {@code qinglang.modules.portal.enabled=false} leaves it out ({@link ModuleSwitches}).
 */
@ApplicationScoped
@ApplicationPath("/")
public class PortalApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PortalResource.class, ReportPages.class, TrackingPages.class, StatisticsPages.class, DisclosurePages.class,
                PageHeaders.class,
                PortalErrors.class,
                SeedingGate.class, RequestOriginFilter.class, FormEncodingFilter.class, LocationFilter.class,
                AccessLogFilter.class, TraceFilter.class, RequestMetricsFilter.class,
                // Jersey's JSON provider may be created once for both applications, in whichever starts first:
                // it must find the platform's mapper here too, or the API writes instants as numbers
                ObjectMapperResolver.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return LocationFilter.APPLICATION_PROPERTIES;
    }
}
