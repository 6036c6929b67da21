package io.qinglang.infra.http;

import io.qinglang.infra.metrics.RequestTimers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.List;

/**
 * Times each request from before matching to its answer, under the route template its resource declares (such as
 * {@code /api/v1/tenants/{slug}/reports}), never the path as sent: ids, slugs and codes in paths would both multiply
 * the series and reach the metrics. A request no resource matched counts under {@value #UNMATCHED}.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String UNMATCHED = "unmatched";
    private static final String STARTED = "qinglang.metrics.started-nanos";

    @Inject
    RequestTimers timers;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            timers.record(request.getMethod(), route(request.getUriInfo()), response.getStatus(),
                    System.nanoTime() - started);
        }
    }

    private static String route(UriInfo uri) {
        if (!(uri instanceof ExtendedUriInfo matched) || matched.getMatchedTemplates().isEmpty()) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = matched.getMatchedTemplates();
        String[] parts = new String[templates.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = templates.get(i).getTemplate();
        }
        return route(uri.getBaseUri().getRawPath(), parts);
    }

    /**
     * The application's path followed by the matched templates, innermost first as Jersey lists them, joined by single
     * slashes: {@code ("/api/", "/reports", "/v1/tenants/{slug}")} is {@code /api/v1/tenants/{slug}/reports}.
     */
    static String route(String applicationPath, String... innermostFirst) {
        StringBuilder route = new StringBuilder(64);
        append(route, applicationPath);
        for (int i = innermostFirst.length - 1; i >= 0; i--) {
            append(route, innermostFirst[i]);
        }
        return route.isEmpty() ? "/" : route.toString();
    }

    private static void append(StringBuilder route, String part) {
        int from = 0;
        int to = part.length();
        while (from < to && part.charAt(from) == '/') {
            from++;
        }
        while (to > from && part.charAt(to - 1) == '/') {
            to--;
        }
        if (from < to) {
            route.append('/').append(part, from, to);
        }
    }
}
