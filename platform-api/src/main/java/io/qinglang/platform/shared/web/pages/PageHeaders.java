package io.qinglang.platform.shared.web.pages;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The security headers of every page of the portal and the console: a strict Content-Security-Policy (only the platform's own stylesheet,
 * scripts and images; no inline code; forms post only to the platform; no framing), no sniffing, no referrer
 * (a tracking page's address must not leak), and pages that are not cached unless they say otherwise. A response that
 * brings its own policy (a file to download, sandboxed) keeps it. A request whose forms lead on to another site — the
 * console's sign-out ends at the identity provider, and browsers hold a form's redirects to {@code form-action} too —
 * names that site's origin in the request property {@link #FORM_ACTION}.
 */
@Provider
public class PageHeaders implements ContainerResponseFilter {

    public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** A request property: one more origin this page's forms (and their redirects) may lead to. */
    public static final String FORM_ACTION = "qinglang.pages.form-action";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", request.getProperty(FORM_ACTION) instanceof String origin
                    ? CSP.replace("form-action 'self'", "form-action 'self' " + origin) : CSP);
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
