package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.web.pages.Language;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/** The language a console page is read in: the switch ({@code ?lang=}), else the cookie, else the browser's. */
public class Reader {

    @QueryParam("lang")
    String requested;

    @CookieParam(Language.COOKIE)
    String cookie;

    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
    String accept;

    public Language language() {
        return Language.choose(requested, cookie, accept);
    }

    /** The cookie that remembers a language chosen with the switch, or {@code null}. */
    NewCookie remembered() {
        return Language.remembered(requested).orElse(null);
    }
}
