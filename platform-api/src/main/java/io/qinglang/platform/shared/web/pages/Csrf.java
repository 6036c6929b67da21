package io.qinglang.platform.shared.web.pages;

import io.qinglang.platform.shared.domain.DomainException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * Cross-site request forgery protection by double submission: a page with a form sets a random token in a
 * same-site, HTTP-only cookie and repeats it in a hidden field; a post is accepted only when both are present and
 * equal. Another site can make a browser post, but can neither read the cookie nor set it. Signed-in pages keep
 * the token in the server-side session instead and check the field against it.
 */
public final class Csrf {

    public static final String COOKIE = "qinglang_csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The token already in the browser's cookie, or a new one. */
    public static String token(String cookie) {
        if (cookie != null && cookie.matches("[A-Za-z0-9_-]{43}")) {
            return cookie;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A page with a form: rendered with the browser's token (or a new one), which the cookie then carries. */
    public static Response.ResponseBuilder formPage(String cookie, Function<String, String> render) {
        String token = token(cookie);
        return Response.ok(render.apply(token)).cookie(cookie(token));
    }

    public static NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Refuses a post whose field does not repeat the token it was given: the cookie's, or the session's. */
    public static void check(String expected, String field) {
        if (expected == null || field == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused();
        }
    }

    /** The form was not sent from this site's own page (or the page is too old). */
    public static final class Refused extends DomainException {
        Refused() {
            super("CSRF_REFUSED", Kind.FORBIDDEN, "The form did not come from this site's page; reload it and try again.");
        }
    }
}
