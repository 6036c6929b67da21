package io.qinglang.infra.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Error responses produced without an exception (for instance by the security layer's 401 and 403)
 * get a problem body too, so every error a client sees is problem+json.
 */
@Provider
public class ProblemResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.getEntity() instanceof Problem) {
            return;
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        String code = reason.toUpperCase(Locale.ROOT).replace(' ', '_').replace("-", "_");
        response.setEntity(Problem.of(response.getStatus(), code, reason,
                WebApplicationExceptionMapper.describe(response.getStatus()), Problems.traceId(), null),
                null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
