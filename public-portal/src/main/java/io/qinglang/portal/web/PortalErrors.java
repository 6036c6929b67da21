package io.qinglang.portal.web;

import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.PageFailure;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Errors on the portal are pages in the reader's language, never stack traces or JSON. */
@Provider
public class PortalErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(PortalErrors.class.getName());

    private final PortalPages pages;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Inject
    public PortalErrors(PortalPages pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof NotFoundException notFound && uri != null
                && uri.getPath().replaceFirst("^/", "").matches("(api|console)(/.*)?")) {
            // The portal sits at the site root beside the API at /api and the console at /console: a request for
            // either that reached the portal first must get the bare 404 Jersey gives, which lets the web server
            // hand it on.
            return notFound.getResponse();
        }
        PageFailure failure = PageFailure.of(error);
        if (failure.unexpected()) {
            LOG.log(Level.SEVERE, "A portal page failed", error);
        }
        Language language = Language.choose(null, cookie(), headers == null ? null
                : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response.ResponseBuilder page = Response.status(failure.status()).type(PortalResource.HTML)
                .entity(pages.render("error", Map.of("status", failure.status(), "messageKey", failure.messageKey()),
                        language));
        if (failure.retryAfterSeconds() != null) {
            page.header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds());
        }
        return page.build();
    }

    private String cookie() {
        if (headers == null || headers.getCookies().get(Language.COOKIE) == null) {
            return null;
        }
        return headers.getCookies().get(Language.COOKIE).getValue();
    }
}
