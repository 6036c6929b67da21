package io.qinglang.benchmarks;

import io.qinglang.platform.cases.application.CaseTracking;
import io.qinglang.platform.cases.application.TrackingRequests;
import io.qinglang.platform.shared.web.RequestJson;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/**
 * A receipt lookup with the lookup taken out: the same path shape, body and answer as
 * {@code POST /api/v1/tenants/{tenant}/tracking} (TrackingResource), reading the body with the platform's
 * {@link RequestJson} and answering a fixed view of a new case, with no database, no hashing and no rate limit.
 */
@Path("/v1/tenants/{tenant}/tracking")
@RequestScoped
@PermitAll
public class FloorResource {

    private static final Instant RECEIVED = Instant.parse("2026-12-07T08:00:00.123456Z");
    /** What a new case's reporter sees, the lookup scenario's answer. */
    static final CaseTracking NEW_CASE = new CaseTracking("BENCH-2026-000001", "RECEIVED", RECEIVED,
            RECEIVED.plusSeconds(3 * 86_400), false, false, null, null, null, null,
            List.of(new CaseTracking.Entry("RECEIVED", RECEIVED, "REPORTER", null, List.of())), null);

    private final RequestJson json;

    @Inject
    public FloorResource(RequestJson json) {
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response track(@PathParam("tenant") String tenant, byte[] body) {
        json.read(body, TrackingRequests.Lookup.class);
        return Response.ok(NEW_CASE).header("Cache-Control", "no-store").build();
    }
}
