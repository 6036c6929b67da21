package io.qinglang.infra.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Passes the trace of the request being served on to the service called ({@code traceparent}, naming this server's
 * span as the parent), so that Keycloak's side of a request can be found by the same trace id. A call made outside
 * any request (a background job) carries none.
 */
public class OutgoingTraceFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        TraceContext.current().ifPresent(trace -> request.getHeaders().putSingle(TraceContext.HEADER, trace.traceparent()));
    }
}
