package io.qinglang.infra.http;

import io.qinglang.platform.shared.domain.DomainException;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Turns refusals into problem responses: the one place where kinds become HTTP statuses. */
final class Problems {

    private static final Map<DomainException.Kind, Integer> STATUS = Map.of(
            DomainException.Kind.INVALID, 400,
            DomainException.Kind.FORBIDDEN, 403,
            DomainException.Kind.NOT_FOUND, 404,
            DomainException.Kind.CONFLICT, 409,
            DomainException.Kind.PRECONDITION_REQUIRED, 428,
            DomainException.Kind.PAYLOAD_TOO_LARGE, 413,
            DomainException.Kind.UNSUPPORTED_MEDIA_TYPE, 415,
            DomainException.Kind.TOO_MANY_REQUESTS, 429,
            DomainException.Kind.UNAVAILABLE, 503);

    private Problems() {
    }

    static int status(DomainException.Kind kind) {
        return STATUS.get(kind);
    }

    static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Cache-Control", "no-store");
    }

    /** The trace id of the request being answered ({@link TraceContext}), or of a new trace outside any. */
    static String traceId() {
        return TraceContext.current().orElseGet(() -> TraceContext.continuing(null)).traceId();
    }
}
