package io.qinglang.portal.web;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.domain.DomainException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
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

    private final Pages pages;

    @Context
    private HttpHeaders headers;

    @Inject
    public PortalErrors(Pages pages) {
        this.pages = pages;
    }

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof NotFoundException notFound && uri != null && uri.getPath().replaceFirst("^/", "").startsWith("api/")) {
            // The portal sits at the site root beside the API at /api: a request for the API that reached the
            // portal first must get the bare 404 Jersey gives, which lets the web server hand it on to the API.
            return notFound.getResponse();
        }
        int status;
        String key;
        if (error instanceof DomainException d) {
            status = switch (d.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
                case TOO_MANY_REQUESTS -> 429;
                case PAYLOAD_TOO_LARGE -> 413;
                default -> 400;
            };
            key = switch (status) {
                case 404 -> "error.notFound";
                case 429 -> "error.tooMany";
                case 413 -> "error.tooLarge";
                default -> "CSRF_REFUSED".equals(d.code()) ? "error.csrf" : "error.badRequest";
            };
        } else if (error instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            status = w.getResponse().getStatus();
            key = status == 404 ? "error.notFound" : "error.badRequest";
        } else {
            status = 500;
            key = "error.internal";
            LOG.log(Level.SEVERE, "A portal page failed", error);
        }
        Language language = Language.choose(null, cookie(), headers == null ? null
                : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response.ResponseBuilder page = Response.status(status).type(PortalResource.HTML)
                .entity(pages.render("error", Map.of("status", status, "messageKey", key), language));
        if (error instanceof AttemptLimiter.TooManyAttempts tooMany) {
            page.header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds());
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
