package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.application.CaseListQuery;
import io.qinglang.platform.cases.application.CaseQueries;
import io.qinglang.platform.cases.application.CaseQueues;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.StaffReport;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.UUID;

/** Staff read their tenant's cases; only supervisors may open a reporter's identity, and only with a reason. */
@Path("/v1/tenants/{tenant}/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HandlerCasesResource {

    /** Why a supervisor opens a reporter's identity. */
    public record IdentityViewRequest(String reason) {
    }

    private final CaseQueries queries;
    private final StaffAccess access;
    private final RequestJson json;
    private final IntakeService intake;
    private final CaseQueues caseQueues;

    @Inject
    public HandlerCasesResource(CaseQueries queries, StaffAccess access, RequestJson json, IntakeService intake,
                                CaseQueues caseQueues) {
        this.caseQueues = caseQueues;
        this.intake = intake;
        this.queries = queries;
        this.access = access;
        this.json = json;
    }

    @GET
    @RolesAllowed({"handler", "supervisor", "tenant-admin"})
    @Operation(summary = "List cases, newest first, with filters and a cursor")
    public CaseViews.Page list(@PathParam("tenant") String tenant, @QueryParam("status") List<String> status,
                               @QueryParam("severity") List<String> severity, @QueryParam("category") String category,
                               @QueryParam("channel") String channel, @QueryParam("urgent") String urgent,
                               @QueryParam("department") String department, @QueryParam("assignee") String assignee,
                               @QueryParam("overdue") String overdue,
                               @QueryParam("dueWithinHours") String dueWithinHours,
                               @QueryParam("receivedFrom") String receivedFrom,
                               @QueryParam("receivedBefore") String receivedBefore, @QueryParam("q") String text,
                               @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                               @QueryParam("cursor") String cursor, @QueryParam("open") String open,
                               @QueryParam("assigned") String assigned, @QueryParam("waiting") String waiting,
                               @QueryParam("major") String major,
                               @QueryParam("extensionPending") String extensionPending,
                               @QueryParam("rewardPending") String rewardPending) {
        access.requireMemberOf(tenant);
        return queries.list(tenant, new CaseListQuery(status, severity, category, channel, urgent, department,
                assignee, overdue, dueWithinHours, receivedFrom, receivedBefore, text, sort, limit, cursor, open,
                assigned, waiting, major, extensionPending, rewardPending));
    }

    @GET
    @Path("/queues")
    @RolesAllowed({"handler", "supervisor", "tenant-admin"})
    @Operation(summary = "The caller's queues (a supervisor's include extensions and rewards awaiting an answer), "
            + "each with its count and the case list query that shows it")
    public List<CaseQueues.Queue> queues(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        access.requireMemberOf(tenant);
        return caseQueues.forStaff(tenant, access.subject(), security.isUserInRole("supervisor"));
    }

    @POST
    @RolesAllowed({"handler", "supervisor"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a report received by phone, letter, e-mail or in person; you are its first receiver")
    @RequestBody(content = @Content(schema = @Schema(implementation = StaffReport.class)))
    public Response register(@PathParam("tenant") String tenant, @HeaderParam("Idempotency-Key") String key,
                             byte[] body) {
        access.requireMemberOf(tenant);
        StaffReport report = json.read(body, StaffReport.class);
        IntakeService.StaffIntakeReceipt registered = intake.registerByStaff(tenant, access.subject(), report, key);
        return Response.status(Response.Status.CREATED).entity(registered)
                .location(java.net.URI.create("/api/v1/tenants/" + tenant + "/cases/" + registered.caseId()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"handler", "supervisor", "tenant-admin"})
    @Operation(summary = "A case with its full internal timeline")
    public Response detail(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId) {
        access.requireMemberOf(tenant);
        CaseViews.Detail detail = queries.detail(tenant, caseId);
        return Response.ok(detail).tag(CaseActionsResource.tag(detail)).build();
    }

    @POST
    @Path("/{caseId}/identity-views")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the reporter's identity, stating why (audited)")
    @RequestBody(content = @Content(schema = @Schema(implementation = IdentityViewRequest.class)))
    public Response viewIdentity(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId, byte[] body) {
        access.requireMemberOf(tenant);
        IdentityViewRequest request = json.read(body, IdentityViewRequest.class);
        return Response.ok(queries.viewIdentity(tenant, caseId, request.reason(), access.subject()))
                .header("Cache-Control", "no-store").build();
    }
}
