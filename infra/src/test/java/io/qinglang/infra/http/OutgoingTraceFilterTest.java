package io.qinglang.infra.http;

import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingTraceFilterTest {

    private final OutgoingTraceFilter filter = new OutgoingTraceFilter();

    @Test
    void aCallMadeWhileARequestIsServedContinuesItsTrace() {
        TraceContext trace = TraceContext.continuing("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Context request = Context.create();
        request.register(trace);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        Contexts.runInContext(request, () -> filter.filter(call(headers)));

        assertThat(headers.getFirst("traceparent")).isEqualTo(trace.traceparent());
    }

    @Test
    void aCallMadeOutsideAnyRequestCarriesNoTrace() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        filter.filter(call(headers));

        assertThat(headers).isEmpty();
    }

    /** A request whose only part the filter touches is its headers. */
    private static ClientRequestContext call(MultivaluedMap<String, Object> headers) {
        return (ClientRequestContext) Proxy.newProxyInstance(OutgoingTraceFilterTest.class.getClassLoader(),
                new Class<?>[]{ClientRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
