package io.qinglang.platform.statistics.web;

import io.qinglang.platform.shared.web.PublicCaching;
import io.qinglang.platform.statistics.application.StatisticsService;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A tenant's published statistics as open data, per closed period ({@code 2026-10}, {@code 2026-Q3}, {@code 2026}):
 * JSON, or CSV with {@code .csv}. A closed period's figures do not change, so answers may be cached.
 */
@Path("/v1/tenants/{tenant}/statistics")
@RequestScoped
@PermitAll
public class StatisticsResource {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final int MAX_AGE_SECONDS = 300;

    private final StatisticsService statistics;

    @Inject
    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The closed periods the tenant's statistics can be read for")
    public StatisticsService.Periods periods(@PathParam("tenant") String tenant) {
        return statistics.periods(tenant);
    }

    @GET
    @Path("/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's statistics for a closed month, quarter or year, small counts hidden")
    public Response json(@PathParam("tenant") String tenant, @PathParam("period") String period) {
        return cached(Response.ok(statistics.publish(tenant, period, "/path/period"), MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("/{period}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same as a file to download")
    public Response jsonFile(@PathParam("tenant") String tenant, @PathParam("period") String period) {
        PublishedStatistics published = statistics.publish(tenant, period, "/path/period");
        return cached(Response.ok(published, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", attachment(published, "json")));
    }

    @GET
    @Path("/{period}.csv")
    @Produces(CSV)
    @Operation(summary = "The same figures as CSV (RFC 4180, UTF-8)")
    public Response csv(@PathParam("tenant") String tenant, @PathParam("period") String period) {
        PublishedStatistics published = statistics.publish(tenant, period, "/path/period");
        return cached(Response.ok(statistics.csv(published), CSV).header("Content-Disposition", attachment(published, "csv")));
    }

    private static String attachment(PublishedStatistics published, String extension) {
        return "attachment; filename=\"" + published.tenant() + "-statistics-" + published.period() + "." + extension + "\"";
    }

    private static Response cached(Response.ResponseBuilder response) {
        return PublicCaching.cachedFor(MAX_AGE_SECONDS, response);
    }
}
