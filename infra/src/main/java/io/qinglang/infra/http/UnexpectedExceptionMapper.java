package io.qinglang.infra.http;

import io.qinglang.platform.shared.application.DatabaseOutage;
import io.qinglang.platform.shared.application.LostRace;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything not foreseen. Lost races (optimistic locking, a unique key taken meanwhile) answer 409; a database out of
 * reach answers 503 with {@code Retry-After} (the pool gives up after {@code qinglang.db.connection-timeout-ms} and
 * reconnects by itself once the database is back); the rest answers 500 with a trace id and no internals, and is logged with its stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String traceId = Problems.traceId();
        if (LostRace.is(e)) {
            return Problems.response(Problem.of(409, "CONCURRENT_UPDATE", "Concurrent update",
                    "Someone else changed this at the same time; reload and try again.", traceId, null)).build();
        }
        if (DatabaseOutage.busy(e)) {
            LOG.warning("No database connection was free in time (the platform is overloaded), trace " + traceId);
            return Problems.response(Problem.of(503, "SERVER_BUSY", "Service unavailable",
                    "The platform is too busy to take this request just now; try again in a few seconds.", traceId, null))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseOutage.is(e)) {
            LOG.warning("The database is unavailable (" + DatabaseOutage.describe(e) + "), trace " + traceId);
            return Problems.response(Problem.of(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                    "The platform cannot reach its database just now; try again in a few seconds.", traceId, null))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "Unexpected error, trace " + traceId, e);
        return Problems.response(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; quote trace id " + traceId + " when reporting it.", traceId, null)).build();
    }
}
