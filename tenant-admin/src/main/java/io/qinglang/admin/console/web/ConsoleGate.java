package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.admin.console.application.ConsoleSessions;
import io.qinglang.platform.shared.web.pages.PageHeaders;
import io.qinglang.platform.tenants.application.StaffStanding;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lets a console request through only with a live session: no cookie, an unknown or expired key, or an account
 * deactivated since it signed in, and the browser is sent to sign in (and brought back to the page it asked for).
 * Signing in itself and the stylesheets need no session.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ConsoleGate implements ContainerRequestFilter {

    private static final Pattern OPEN = Pattern.compile("/?(sign-in|callback|sign-out|signed-out|static/[a-z]+\\.(css|js))");

    private final ConsoleSessions sessions;
    private final SignedIn signedIn;
    private final StaffStanding standing;
    private final OidcSignIn oidc;

    @Inject
    public ConsoleGate(ConsoleSessions sessions, SignedIn signedIn, StaffStanding standing, OidcSignIn oidc) {
        this.oidc = oidc;
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.standing = standing;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PageHeaders.FORM_ACTION, oidc.origin()); // sign-out ends at the identity provider
        if (OPEN.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        Cookie cookie = request.getCookies().get(ConsoleCookies.SESSION);
        String key = cookie == null ? null : cookie.getValue();
        Optional<ConsoleSession> session = sessions.find(key).filter(s -> stillStands(s, key));
        if (session.isEmpty()) {
            request.abortWith(Response.seeOther(signIn(request)).build());
            return;
        }
        signedIn.set(session.get(), key);
    }

    private boolean stillStands(ConsoleSession session, String key) {
        if (session.tenant() != null && standing.deactivated(session.tenant(), session.userId())) {
            sessions.close(key);
            return false;
        }
        return true;
    }

    /** The sign-in, asked to come back to the page requested (a GET's address; after a POST, the console's start). */
    private static URI signIn(ContainerRequestContext request) {
        URI asked = request.getUriInfo().getRequestUri();
        String back = "GET".equals(request.getMethod())
                ? asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()) : "/console/";
        return UriBuilder.fromUri(request.getUriInfo().getBaseUri()).path("sign-in")
                .queryParam("returnTo", SignInResource.encodeReturn(back)).build();
    }
}
