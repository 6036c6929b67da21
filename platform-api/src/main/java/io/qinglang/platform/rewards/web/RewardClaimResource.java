package io.qinglang.platform.rewards.web;

import io.qinglang.platform.cases.web.TrackingResource;
import io.qinglang.platform.rewards.application.RewardService;
import io.qinglang.platform.rewards.application.RewardService.Claim;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.shared.web.RequestOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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

/**
 * A reporter claims an approved reward with the receipt code and the claim secret given at intake, both in the
 * body (never in a URL). A wrong secret is answered exactly like an unknown receipt; lookups are rate-limited
 * like tracking.
 */
@Path("/v1/tenants/{tenant}/tracking/reward-claim")
@RequestScoped
@PermitAll
public class RewardClaimResource {

    private final RewardService rewards;
    private final RequestJson json;
    private final RequestOrigin origin;

    @Inject
    public RewardClaimResource(RewardService rewards, RequestJson json, RequestOrigin origin) {
        this.rewards = rewards;
        this.json = json;
        this.origin = origin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim an approved reward: {receiptCode, claimSecret, payment {method, account, accountName, note?}}")
    @RequestBody(content = @Content(schema = @Schema(implementation = Claim.class)))
    public Response claim(@PathParam("tenant") String tenant, @HeaderParam(TrackingResource.PROOF_OF_WORK) String proof,
                          byte[] body) {
        Claim claim = json.read(body, Claim.class);
        return Response.ok(rewards.claim(tenant, origin.clientAddress(), proof, claim)).header("Cache-Control", "no-store")
                .build();
    }
}
