package io.qinglang.infra.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

import java.util.Locale;

/**
 * The web server's own refusals — a request it cannot parse (a control character in a header, a raw character in
 * the query), a URI or headers larger than it reads (414, 431), a body over its limit (413) — answered before any
 * route as problems like every other error, instead of Helidon's {@code text/plain}. What the server found wrong is
 * not echoed: its message may quote the request.
 */
public final class TransportProblems implements DirectHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Helidon 4.1 refuses headers over {@code max-headers-size} as a 400 saying this; RFC 6585 has 431 for it. */
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";
    private static final Status REQUEST_HEADER_FIELDS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status refused,
                                    ServerResponseHeaders headers, String message) {
        Status status = message != null && message.contains(HEADERS_TOO_LARGE) ? REQUEST_HEADER_FIELDS_TOO_LARGE : refused;
        Problem problem = Problem.of(status.code(), status.reasonPhrase().toUpperCase(Locale.ROOT).replaceAll("[ -]", "_"),
                status.reasonPhrase(), WebApplicationExceptionMapper.describe(status.code()), Problems.traceId(), null);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return TransportResponse.builder().status(status).headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .keepAlive(eventType.keepAlive())
                .entity(body).build();
    }
}
