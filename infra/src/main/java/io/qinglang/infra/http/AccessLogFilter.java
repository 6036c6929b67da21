package io.qinglang.infra.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/**
 * One structured log line per request: method, the path as sent (never the query string), status, duration and the
 * request's trace id ({@link TraceFilter}). Bodies and query strings are never logged, so a receipt code (always in a
 * body) cannot reach the log.
 */
@Provider
public class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("io.qinglang.access");
    private static final String STARTED = "qinglang.started-nanos";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started == null ? -1 : (System.nanoTime() - (Long) started) / 1_000_000;
        String traceId = request.getProperty(TraceFilter.PROPERTY) instanceof TraceContext trace ? " trace=" + trace.traceId()
                : response.getEntity() instanceof Problem problem ? " trace=" + problem.traceId() : "";
        LOG.info(() -> request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + " " + response.getStatus()
                + " " + millis + "ms" + traceId);
    }
}
