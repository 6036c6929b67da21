package io.qinglang.platform.shared.web.pages;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The security headers of every page of the portal and the console: a strict Content-Security-Policy (only the platform's own stylesheet,
 * scripts and images; no inline code; forms post only to the platform; no framing), no sniffing, no referrer
 * (a tracking page's address must not leak), and pages that are not cached unless they say otherwise.
 */
@Provider
public class PageHeaders implements ContainerResponseFilter {

    public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
