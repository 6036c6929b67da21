package io.qinglang.infra.dev;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * While dev mode writes the demo body's history the platform's time is in the past ({@link SeedingClock}): nobody is
 * served then, so no request is answered or recorded at a moved time. Outside dev mode this never refuses anything.
 */
@Provider
@PreMatching
@Priority(1)
public class SeedingGate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (SeedingClock.seedingNow()) {
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Dev mode is writing the demo body's history; try again in a few seconds.\n").build());
        }
    }
}
