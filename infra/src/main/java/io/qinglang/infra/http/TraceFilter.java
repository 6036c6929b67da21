package io.qinglang.infra.http;

import io.helidon.common.context.Contexts;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request its {@link TraceContext} before anything else runs — continuing the caller's
 * {@code traceparent}, or starting a trace — in the request's Helidon context, where log lines, problem answers and
 * calls to Keycloak find it; and answers with this server's {@code traceparent}, so a caller can quote the trace.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class TraceFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PROPERTY = "qinglang.trace";

    @Override
    public void filter(ContainerRequestContext request) {
        TraceContext trace = TraceContext.continuing(request.getHeaderString(TraceContext.HEADER));
        request.setProperty(PROPERTY, trace);
        Contexts.context().ifPresent(context -> context.register(trace));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof TraceContext trace) {
            response.getHeaders().putSingle(TraceContext.HEADER, trace.traceparent());
        }
    }
}
