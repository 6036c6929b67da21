package io.qinglang.admin.onboarding.web;

import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.OnboardingService;
import io.qinglang.admin.onboarding.application.TenantAdministration;
import io.qinglang.admin.onboarding.application.TenantDepartures;
import io.qinglang.admin.onboarding.application.TenantSummary;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.net.URI;
import java.util.List;

/** The platform operator's tenant registry: onboard, list, look at, suspend, reactivate. */
@Path("/v1/platform/tenants")
@RequestScoped
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTenantsResource {

    /** Why the operator changes a tenant's status, for its audit trail; optional here, required in the console. */
    public record Reason(String reason) {
    }

    private final OnboardingService onboarding;
    private final TenantAdministration administration;
    private final TenantDepartures departures;
    private final RequestJson json;
    private final StaffAccess caller;

    @Inject
    public PlatformTenantsResource(OnboardingService onboarding, TenantAdministration administration,
                                   TenantDepartures departures, RequestJson json, StaffAccess caller) {
        this.departures = departures;
        this.onboarding = onboarding;
        this.administration = administration;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard an organisation from a template and invite its first admin")
    @RequestBody(content = @Content(schema = @Schema(implementation = OnboardTenant.class)))
    public Response onboard(byte[] body) {
        TenantSummary tenant = onboarding.onboard(json.read(body, OnboardTenant.class), caller.subject());
        return Response.created(URI.create("/api/v1/platform/tenants/" + tenant.slug())).entity(tenant).build();
    }

    @GET
    @Operation(summary = "List tenants")
    public List<TenantSummary> list() {
        return administration.list();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Look at one tenant")
    public TenantSummary get(@PathParam("slug") String slug) {
        return administration.get(slug);
    }

    @POST
    @Path("/{slug}/suspend")
    @Operation(summary = "Suspend a tenant: it keeps its data but accepts no reports; an optional {reason} "
            + "(at least 10 characters) goes into its audit trail; 409 if already suspended")
    public TenantSummary suspend(@PathParam("slug") String slug, @RequestBody(required = false,
            content = @Content(schema = @Schema(implementation = Reason.class))) byte[] body) {
        return administration.suspend(slug, reason(body), caller.subject());
    }

    @POST
    @Path("/{slug}/reactivate")
    @Operation(summary = "Reactivate a suspended tenant, with an optional {reason}; 409 if it is active")
    public TenantSummary reactivate(@PathParam("slug") String slug, @RequestBody(required = false,
            content = @Content(schema = @Schema(implementation = Reason.class))) byte[] body) {
        return administration.reactivate(slug, reason(body), caller.subject());
    }

    @POST
    @Path("/{slug}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a suspended tenant with a {reason}: it leaves when its grace period (30 days) ends — "
            + "its data deleted, its accounts removed; 409 unless it is suspended")
    public TenantSummary leave(@PathParam("slug") String slug, @RequestBody(
            content = @Content(schema = @Schema(implementation = Reason.class))) byte[] body) {
        return departures.leave(slug, json.read(body, Reason.class).reason(), caller.subject());
    }

    @POST
    @Path("/{slug}/stay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A leaving tenant stays after all, with a {reason}: suspended again; 409 unless it is leaving")
    public TenantSummary stay(@PathParam("slug") String slug, @RequestBody(
            content = @Content(schema = @Schema(implementation = Reason.class))) byte[] body) {
        return departures.stay(slug, json.read(body, Reason.class).reason(), caller.subject());
    }

    /** The body's reason, or null when the body is empty (as before reasons were recorded). */
    private String reason(byte[] body) {
        return body == null || body.length == 0 ? null : json.read(body, Reason.class).reason();
    }
}
