package io.qinglang.platform.rewards.web;

import io.qinglang.platform.rewards.application.RewardService.Answer;
import io.qinglang.platform.rewards.application.RewardService.Payment;
import io.qinglang.platform.rewards.application.RewardService.PaymentDetails;
import io.qinglang.platform.rewards.application.RewardService.Proposal;
import io.qinglang.platform.rewards.application.RewardService.RewardView;
import io.qinglang.platform.rewards.application.RewardService;
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

import java.util.List;
import java.util.UUID;

/** Staff's side of a case's reward: propose, approve or deny, open the payment details with a reason, record payment. */
@Path("/v1/tenants/{tenant}/cases/{caseId}/rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"handler", "supervisor"})
public class RewardResource {

    /** Why the payment details are opened. */
    public record Reason(String reason) {
    }

    private final RewardService rewards;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public RewardResource(RewardService rewards, StaffAccess access, RequestJson json) {
        this.rewards = rewards;
        this.access = access;
        this.json = json;
    }

    @GET
    @Operation(summary = "The case's rewards, newest first (denied ones included)")
    public List<RewardView> list(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId) {
        access.requireMemberOf(tenant);
        return rewards.rewards(tenant, caseId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose the reward for a substantiated decision: {base?, note?}; computed under the rule in force")
    @RequestBody(content = @Content(schema = @Schema(implementation = Proposal.class)))
    public Response propose(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId, byte[] body) {
        access.requireMemberOf(tenant);
        RewardView proposed = rewards.propose(tenant, caseId, json.read(body, Proposal.class), access.subject());
        return Response.status(Response.Status.CREATED).entity(proposed).build();
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Approve or deny the proposed reward: {approve, reason}; not by its proposer")
    @RequestBody(content = @Content(schema = @Schema(implementation = Answer.class)))
    public RewardView answer(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId, byte[] body) {
        access.requireMemberOf(tenant);
        return rewards.answer(tenant, caseId, json.read(body, Answer.class), access.subject());
    }

    @POST
    @Path("/payment-details-views")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Open the reporter's payment details: {reason} (at least 10 characters); audited")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class)))
    public Response paymentDetails(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId, byte[] body) {
        access.requireMemberOf(tenant);
        PaymentDetails details = rewards.paymentDetails(tenant, caseId, json.read(body, Reason.class).reason(),
                access.subject());
        return Response.ok(details).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Record that the claimed reward was paid: {reference}")
    @RequestBody(content = @Content(schema = @Schema(implementation = Payment.class)))
    public RewardView paid(@PathParam("tenant") String tenant, @PathParam("caseId") UUID caseId, byte[] body) {
        access.requireMemberOf(tenant);
        return rewards.recordPayment(tenant, caseId, json.read(body, Payment.class), access.subject());
    }
}
