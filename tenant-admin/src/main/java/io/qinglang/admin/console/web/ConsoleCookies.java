package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSessions;
import jakarta.ws.rs.core.NewCookie;

/**
 * The console's cookies: the session key and the sign-in under way, each HTTP-only, sent only to {@code /console},
 * {@code SameSite=Lax} (the identity provider's answer is a top-level navigation from another site, and must bring
 * the sign-in cookie back), {@code Secure} when the console's public address is HTTPS.
 */
final class ConsoleCookies {

    static final String SESSION = "qinglang_session";
    static final String SIGN_IN = "qinglang_sign_in";
    static final String PATH = "/console";

    private ConsoleCookies() {
    }

    static NewCookie session(String key, boolean secure) {
        return cookie(SESSION, key, -1, secure);
    }

    static NewCookie signIn(String key, boolean secure) {
        return cookie(SIGN_IN, key, (int) ConsoleSessions.SIGN_IN_TIME.toSeconds(), secure);
    }

    /** The cookie {@code name}, expired: the browser forgets it. */
    static NewCookie cleared(String name, boolean secure) {
        return cookie(name, "", 0, secure);
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(name).value(value).path(PATH).httpOnly(true).maxAge(maxAge)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
