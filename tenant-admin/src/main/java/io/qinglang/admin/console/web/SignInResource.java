package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSessions;
import io.qinglang.admin.console.application.PendingSignIn;
import io.qinglang.admin.console.application.StaffSignIn;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.RequestOrigin;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signing in to the console and out of it. Sign-in sends the browser to the realm's login page with a fresh state,
 * nonce and PKCE challenge (kept server-side under a short-lived cookie); the answer is checked against them, the code
 * traded for a validated ID token, and a new session opened under a new key. Signing out ends the session here and
 * at the identity provider.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.TEXT_HTML + "; charset=UTF-8")
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class.getName());

    private final OidcSignIn oidc;
    private final ConsoleSessions sessions;
    private final StaffSignIn staff;
    private final ConsolePages pages;
    private final RequestOrigin origin;
    private final Optional<String> publicUrl;

    @Context
    private UriInfo uri;

    @Inject
    public SignInResource(OidcSignIn oidc, ConsoleSessions sessions, StaffSignIn staff, ConsolePages pages,
                          RequestOrigin origin,
                          @ConfigProperty(name = "qinglang.console.public-url") Optional<String> publicUrl) {
        this.oidc = oidc;
        this.sessions = sessions;
        this.staff = staff;
        this.pages = pages;
        this.origin = origin;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("/sign-in")
    public Response signIn(@QueryParam("returnTo") String returnTo, @QueryParam("lang") String lang,
                           @CookieParam(Language.COOKIE) String languageCookie,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, languageCookie, accept);
        PendingSignIn pending = oidc.begin(safeReturn(decodeReturn(returnTo)), language.tag());
        String key = sessions.beginSignIn(pending, origin.clientAddress());
        try {
            return Response.seeOther(oidc.authorizationUri(pending, callback()))
                    .cookie(ConsoleCookies.signIn(key, secure())).build();
        } catch (OidcSignIn.SignInFailed e) {
            LOG.log(Level.WARNING, "A console sign-in could not start: {0}", e.getMessage());
            return refused("SIGN_IN_FAILED", language, null);
        }
    }

    @GET
    @Path("/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @CookieParam(ConsoleCookies.SIGN_IN) String key,
                             @CookieParam(Language.COOKIE) String languageCookie,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        var pending = sessions.finishSignIn(key);
        Language language = pending.flatMap(p -> Language.ofTag(p.language()))
                .orElse(Language.choose(null, languageCookie, accept));
        if (pending.isEmpty() || state == null || !same(pending.get().state(), state)) {
            return refused("SIGN_IN_EXPIRED", language, null);
        }
        if (error != null || code == null) {
            return refused("SIGN_IN_CANCELLED", language, null);
        }
        OidcSignIn.Identity identity;
        try {
            identity = oidc.complete(pending.get(), code, callback());
        } catch (OidcSignIn.SignInFailed e) {
            LOG.log(Level.WARNING, "A console sign-in failed: {0}", e.getMessage());
            return refused("SIGN_IN_FAILED", language, null);
        }
        StaffSignIn.Outcome outcome = staff.admit(account(identity));
        if (!outcome.admitted()) {
            return refused(outcome.refusal(), language, identity.idToken());
        }
        return Response.seeOther(URI.create(pending.get().returnTo()))
                .cookie(ConsoleCookies.session(outcome.sessionKey(), secure()), ConsoleCookies.cleared(ConsoleCookies.SIGN_IN, secure()))
                .build();
    }

    /**
     * Ends the session here, then at the identity provider. Open without a live session: a person whose session
     * already ended (idle) and who signs out on a shared computer must end the identity provider's session too, not
     * be signed in again; that provider then asks them to confirm, since no ID token vouches for the request.
     */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam(Csrf.FIELD) String csrf, @CookieParam(ConsoleCookies.SESSION) String key) {
        String idToken = null;
        var session = sessions.find(key);
        if (session.isPresent()) {
            Csrf.check(session.get().csrfToken(), csrf);
            idToken = session.get().idToken();
            sessions.close(key);
        }
        URI signedOut = base().path("signed-out").build();
        URI next;
        try {
            next = oidc.signOutUri(idToken, signedOut);
        } catch (OidcSignIn.SignInFailed e) {
            LOG.log(Level.WARNING, "Signing out at the identity provider failed: {0}", e.getMessage());
            next = signedOut;
        }
        return Response.seeOther(next).cookie(ConsoleCookies.cleared(ConsoleCookies.SESSION, secure())).build();
    }

    @GET
    @Path("/signed-out")
    public Response signedOut(@BeanParam Reader reader) {
        Response.ResponseBuilder page = Response.ok(pages.render("signed-out", Map.of(), reader.language()));
        if (reader.remembered() != null) {
            page.cookie(reader.remembered());
        }
        return page.build();
    }

    /** A page saying why there is no session; with the identity provider's session ended, if one was opened. */
    private Response refused(String reason, Language language, String idToken) {
        String signOut = idToken == null ? "" : oidc.signOutUri(idToken, base().path("signed-out").build()).toString();
        int status = reason.equals("SIGN_IN_FAILED") ? 503 : reason.startsWith("SIGN_IN") ? 400 : 403;
        return Response.status(status)
                .entity(pages.render("no-access", Map.of("reason", reason, "signOut", signOut), language))
                .cookie(ConsoleCookies.cleared(ConsoleCookies.SIGN_IN, secure())).build();
    }

    private boolean secure() {
        return "https".equalsIgnoreCase(base().build().getScheme());
    }

    private URI callback() {
        return base().path("callback").build();
    }

    /** The console's public address: configured (behind a proxy that ends TLS), else as the request reached it. */
    private UriBuilder base() {
        return publicUrl.map(url -> UriBuilder.fromUri(url.replaceAll("/+$", "") + "/console/"))
                .orElseGet(uri::getBaseUriBuilder);
    }

    private static StaffSignIn.Account account(OidcSignIn.Identity identity) {
        Map<String, Object> claims = identity.claims();
        String username = text(claims.get("upn"), text(claims.get("preferred_username"), identity.subject()));
        return new StaffSignIn.Account(identity.subject(), username, text(claims.get("name"), username),
                claims.get("groups") instanceof Collection<?> groups ? groups.stream().map(String::valueOf).toList()
                        : List.of(),
                StaffAccess.organizationsIn(claims.get(StaffAccess.ORGANIZATION_CLAIM)), identity.idToken());
    }

    private static String text(Object value, String otherwise) {
        return value instanceof String s && !s.isBlank() ? s : otherwise;
    }

    /**
     * The page to come back to, as the gate passes it: base64url of the address as it arrived (still percent-encoded,
     * so a search in Chinese or a value with {@code &} survives the round trip unchanged).
     */
    static String encodeReturn(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.US_ASCII));
    }

    static String decodeReturn(String encoded) {
        try {
            return encoded == null ? null : new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Only a page of the console itself: never another site, never a scheme-relative {@code //host}. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/console/") || returnTo.startsWith("//")
                || returnTo.contains("\\") || returnTo.length() > 2000 || !returnTo.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/console/";
        }
        return returnTo;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
