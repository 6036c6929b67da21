package io.qinglang.admin.console.web;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

/**
 * The console's cookies: the session key and the sign-in under way, each HTTP-only, sent only to {@code /console},
 * {@code SameSite=Lax} (the identity provider's answer is a top-level navigation from another site, and must bring
 * the sign-in cookie back), {@code Secure} when the console is served over HTTPS.
 */
final class ConsoleCookies {

    static final String SESSION = "qinglang_session";
    static final String SIGN_IN = "qinglang_sign_in";
    static final String PATH = "/console";

    private ConsoleCookies() {
    }

    static NewCookie session(String key, UriInfo uri) {
        return cookie(SESSION, key, -1, uri);
    }

    static NewCookie signIn(String key, UriInfo uri) {
        return cookie(SIGN_IN, key, 15 * 60, uri);
    }

    /** The cookie {@code name}, expired: the browser forgets it. */
    static NewCookie cleared(String name, UriInfo uri) {
        return cookie(name, "", 0, uri);
    }

    private static NewCookie cookie(String name, String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path(PATH).httpOnly(true).maxAge(maxAge)
                .secure("https".equalsIgnoreCase(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
