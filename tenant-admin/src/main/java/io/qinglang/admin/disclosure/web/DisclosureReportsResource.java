package io.qinglang.admin.disclosure.web;

import io.qinglang.admin.disclosure.application.DisclosureService;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.web.PublishedReportsResource;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/**
 * A tenant's disclosure reports, for its admins. {@code POST} queues a new version for a closed period and answers
 * 202 at once with where to follow it; the report is made in the background and its {@code progress} (0–100) and
 * {@code step} can be read meanwhile. Every version's files can be downloaded once ready; a ready version is listed on
 * the portal once published (scheduled reports are published as they are made).
 */
@Path("/v1/tenants/{tenant}/disclosure-reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("tenant-admin")
public class DisclosureReportsResource {

    private final DisclosureService reports;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public DisclosureReportsResource(DisclosureService reports, StaffAccess access, RequestJson json) {
        this.reports = reports;
        this.access = access;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a new version of the report for a closed period (month 2026-10, quarter 2026-Q3 or "
            + "year 2026); answers 202 with the queued report")
    @RequestBody(content = @Content(schema = @Schema(implementation = DisclosureService.RequestReport.class)))
    public Response request(@PathParam("tenant") String tenant, @Context UriInfo uri, byte[] body) {
        access.requireMemberOf(tenant);
        DisclosureReport queued = reports.request(tenant, json.read(body, DisclosureService.RequestReport.class),
                access.subject());
        return Response.accepted(queued).location(uri.getAbsolutePathBuilder().path(queued.id().toString()).build()).build();
    }

    @GET
    @Operation(summary = "Every version of every report, newest period first")
    public List<DisclosureReport> list(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return reports.list(tenant);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report version: its state, progress and files")
    public DisclosureReport get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        access.requireMemberOf(tenant);
        return reports.get(tenant, id);
    }

    @GET
    @Path("/{id}/{edition}")
    @Produces({"application/pdf", "text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "A file of a ready report: zh-CN (PDF), en (PDF) or csv, as archived, with its SHA-256")
    public Response document(@PathParam("tenant") String tenant, @PathParam("id") String id,
                             @PathParam("edition") String edition) {
        access.requireMemberOf(tenant);
        return PublishedReportsResource.download(reports.document(tenant, id, edition));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "List a ready report on the tenant's portal")
    public DisclosureReport publish(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        access.requireMemberOf(tenant);
        return reports.publish(tenant, id, access.subject());
    }
}
