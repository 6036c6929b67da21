package io.qinglang.platform.shared.web.pages;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.application.DatabaseOutage;
import io.qinglang.platform.shared.application.LostRace;
import io.qinglang.platform.shared.domain.DomainException;
import jakarta.ws.rs.WebApplicationException;

/**
 * What a page shows when its request failed: the status and the text (a key of the shared texts) in the reader's
 * language, never a stack trace; {@code retryAfterSeconds} when a limit was hit or the database is briefly out of reach
 * (503). Anything unexpected is a 500.
 */
public record PageFailure(int status, String messageKey, Long retryAfterSeconds) {

    public static PageFailure of(Throwable error) {
        if (error instanceof DomainException d) {
            int status = switch (d.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
                case TOO_MANY_REQUESTS -> 429;
                case PAYLOAD_TOO_LARGE -> 413;
                default -> 400;
            };
            String key = switch (status) {
                case 404 -> "error.notFound";
                case 429 -> "error.tooMany";
                case 413 -> "error.tooLarge";
                case 403 -> "CSRF_REFUSED".equals(d.code()) ? "error.csrf" : "error.forbidden";
                case 409 -> "error.conflict";
                default -> "error.badRequest";
            };
            Long retryAfter = error instanceof AttemptLimiter.TooManyAttempts tooMany ? tooMany.retryAfterSeconds() : null;
            return new PageFailure(status, key, retryAfter);
        }
        if (error instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return new PageFailure(status, switch (status) {
                case 404, 405 -> "error.notFound";
                case 409 -> "error.conflict";
                default -> "error.badRequest";
            }, null);
        }
        if (LostRace.is(error)) {
            return new PageFailure(409, "error.conflict", null);
        }
        if (DatabaseOutage.is(error)) {
            return new PageFailure(503, "error.unavailable", (long) DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        return new PageFailure(500, "error.internal", null);
    }

    /** A failure to log with its stack trace: not a database briefly out of reach, which says so itself. */
    public boolean unexpected() {
        return status >= 500 && status != 503;
    }
}
