package io.qinglang.infra.http;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal stated by the domain: its kind gives the status, its code and fields go into the problem. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Problem problem = Problem.of(Problems.status(e.kind()), e.code(), e.title(), e.getMessage(),
                Problems.traceId(), e instanceof InvalidInput invalid ? invalid.errors() : null);
        Response.ResponseBuilder response = Problems.response(problem);
        if (e instanceof AttemptLimiter.TooManyAttempts tooMany) {
            response.header("Retry-After", tooMany.retryAfterSeconds());
        }
        return response.build();
    }
}
