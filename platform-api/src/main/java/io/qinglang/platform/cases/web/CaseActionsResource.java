package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.application.CaseCommand;
import io.qinglang.platform.cases.application.CaseHandling;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.shared.web.VersionTags;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

/**
 * The steps handlers and supervisors take on a case. Each is a POST with a JSON body and an {@code If-Match}
 * header naming the case version it was made against (the {@code version}/ETag of the case detail); the
 * answer is the case as it now stands, with its new ETag. A stale version gets 409 CONCURRENT_UPDATE, a
 * missing one 428.
 */
@Path("/v1/tenants/{tenant}/cases")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"handler", "supervisor"})
public class CaseActionsResource {

    /** A supervisor's answer to an extension request. */
    public record ExtensionAnswer(Boolean approve, String reason) {
    }

    private final CaseHandling handling;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public CaseActionsResource(CaseHandling handling, StaffAccess access, RequestJson json) {
        this.handling = handling;
        this.access = access;
        this.json = json;
    }

    @POST
    @Path("/{caseId}/accept")
    @Operation(summary = "Triage: accept the case as within the remit")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Accept.class)))
    public Response accept(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Accept.class));
    }

    @POST
    @Path("/{caseId}/reject")
    @Operation(summary = "Triage: reject as outside the remit, with the reason and where else to go")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Reject.class)))
    public Response reject(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Reject.class));
    }

    @POST
    @Path("/{caseId}/transfer")
    @Operation(summary = "Triage: transfer to a named external body")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Transfer.class)))
    public Response transfer(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Transfer.class));
    }

    @POST
    @Path("/{caseId}/assign")
    @Operation(summary = "Assign or reassign to a department and/or handler; an accepted case goes into investigation")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Assign.class)))
    public Response assign(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Assign.class));
    }

    @POST
    @Path("/{caseId}/request-information")
    @Operation(summary = "Ask the reporter a question; clocks whose policy says so pause until the reply")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.RequestInformation.class)))
    public Response requestInformation(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.RequestInformation.class));
    }

    @POST
    @Path("/{caseId}/stop-waiting")
    @Operation(summary = "Stop waiting for the reporter's reply; paused clocks run again")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.StopWaiting.class)))
    public Response stopWaiting(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.StopWaiting.class));
    }

    @POST
    @Path("/{caseId}/party-statements")
    @Operation(summary = "Record what the reported party said")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.PartyStatement.class)))
    public Response partyStatement(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.PartyStatement.class));
    }

    @POST
    @Path("/{caseId}/notes")
    @Operation(summary = "Add an internal note")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Note.class)))
    public Response note(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Note.class));
    }

    @POST
    @Path("/{caseId}/extension-requests")
    @Operation(summary = "Request a stage's extension under its policy (applied at once if no approval is needed)")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.RequestExtension.class)))
    public Response requestExtension(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.RequestExtension.class));
    }

    @POST
    @Path("/{caseId}/extension-requests/{requestId}/answer")
    @RolesAllowed("supervisor")
    @Operation(summary = "Supervisor: approve or deny an extension request")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExtensionAnswer.class)))
    public Response answerExtension(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                    @PathParam("requestId") UUID requestId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        ExtensionAnswer answer = json.read(body, ExtensionAnswer.class);
        return act(tenant, caseId, ifMatch, new CaseCommand.AnswerExtension(requestId, answer.approve(), answer.reason()));
    }

    @POST
    @Path("/{caseId}/flag")
    @Operation(summary = "Set severity and urgency")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Flag.class)))
    public Response flag(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Flag.class));
    }

    @POST
    @Path("/{caseId}/decide")
    @Operation(summary = "Decide: outcome, actions, legal basis and the statement of reasons")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Decide.class)))
    public Response decide(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Decide.class));
    }

    @POST
    @Path("/{caseId}/feedback")
    @Operation(summary = "Give feedback to the reporter, or record why it is impossible")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Feedback.class)))
    public Response feedback(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Feedback.class));
    }

    @POST
    @Path("/{caseId}/close")
    @Operation(summary = "Close a decided case once feedback is recorded")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Close.class)))
    public Response close(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Close.class));
    }

    @POST
    @Path("/{caseId}/review")
    @Operation(summary = "Review an appeal (by a different handler than the decider): UPHOLD or REVERSE")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Review.class)))
    public Response review(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Review.class));
    }

    @POST
    @Path("/{caseId}/merge")
    @Operation(summary = "Merge this duplicate into a lead case")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.Merge.class)))
    public Response merge(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.Merge.class));
    }

    @POST
    @Path("/{caseId}/legal-hold")
    @RolesAllowed("supervisor")
    @Operation(summary = "Supervisor: keep the case whole past its retention, with the reason")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.PlaceLegalHold.class)))
    public Response placeLegalHold(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.PlaceLegalHold.class));
    }

    @POST
    @Path("/{caseId}/legal-hold/release")
    @RolesAllowed("supervisor")
    @Operation(summary = "Supervisor: release the legal hold, with the reason")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCommand.ReleaseLegalHold.class)))
    public Response releaseLegalHold(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return act(tenant, caseId, ifMatch, json.read(body, CaseCommand.ReleaseLegalHold.class));
    }

    private Response act(String tenant, UUID caseId, String ifMatch, CaseCommand command) {
        access.requireMemberOf(tenant);
        long version = VersionTags.required(ifMatch, "case");
        CaseViews.Detail detail = handling.act(tenant, caseId, version, access.subject(), command);
        return Response.ok(detail).tag(tag(detail)).build();
    }

    /** The ETag of a case detail: its version. */
    static EntityTag tag(CaseViews.Detail detail) {
        return VersionTags.tag(detail.version());
    }
}
