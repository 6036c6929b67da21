package io.qinglang.infra.http;

import io.qinglang.platform.shared.web.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the client's address for rate limiting: the socket peer, or — only when the platform is told it
 * runs behind a trusted proxy ({@code qinglang.http.trust-forwarded-for}) — the first X-Forwarded-For entry.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestOriginFilter implements ContainerRequestFilter {

    static final String HELIDON_REMOTE_HOST = "io.helidon.jaxrs.remote-host";

    @Inject
    RequestOrigin origin;

    @Inject
    @ConfigProperty(name = "qinglang.http.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Override
    public void filter(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            origin.clientAddress(forwarded.split(",")[0].trim());
        } else {
            Object peer = request.getProperty(HELIDON_REMOTE_HOST);
            origin.clientAddress(peer == null ? "unknown" : peer.toString());
        }
    }
}
