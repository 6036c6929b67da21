package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.PageFailure;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors in the console are pages in the reader's language: another body's case, or one that does not exist, is
 * simply not found; a missing role or a form without its token is refused; anything unexpected is logged and shown as
 * a plain apology, never a stack trace.
 */
@Provider
public class ConsoleErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    private final ConsolePages pages;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Inject
    public ConsoleErrors(ConsolePages pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(Throwable error) {
        PageFailure failure = PageFailure.of(error);
        if (failure.unexpected()) {
            LOG.log(Level.SEVERE, "A console page failed", error);
        }
        var cookie = headers == null ? null : headers.getCookies().get(Language.COOKIE);
        Language language = Language.choose(uri == null ? null : uri.getQueryParameters().getFirst("lang"),
                cookie == null ? null : cookie.getValue(),
                headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response.ResponseBuilder page = Response.status(failure.status()).type(ConsoleView.HTML)
                .header("Cache-Control", "no-store")
                .entity(pages.render("error", Map.of("status", failure.status(), "messageKey", failure.messageKey()),
                        language));
        if (failure.retryAfterSeconds() != null) {
            page.header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds());
        }
        return page.build();
    }
}
