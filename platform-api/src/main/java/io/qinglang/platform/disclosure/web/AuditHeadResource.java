package io.qinglang.platform.disclosure.web;

import io.qinglang.platform.disclosure.application.PublishedAuditHead;
import io.qinglang.platform.shared.web.PublicCaching;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A body's audit chain head, for anyone: the number, hash and time of its latest audit event, and with {@code seq}
 * the hash stored at that number, to compare with one kept earlier. The head moves with every event, so caches keep
 * an answer for a few seconds only; {@code asOf} says when it was read.
 */
@Path("/v1/tenants/{tenant}/audit-head")
@RequestScoped
@PermitAll
public class AuditHeadResource {

    private static final int MAX_AGE_SECONDS = 10;

    private final PublishedAuditHead head;

    @Inject
    public AuditHeadResource(PublishedAuditHead head) {
        this.head = head;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The body's audit chain head: the number, hash (SHA-256, hex) and time of its latest audit "
            + "event, read at asOf (number 0 and the genesis hash before its first); with seq, also the hash stored "
            + "at that number (atSeq), so that someone who kept it can check the trail was not rewritten")
    @APIResponse(responseCode = "200", description = "The head",
            content = @Content(schema = @Schema(implementation = PublishedAuditHead.Answer.class)))
    public Response get(@PathParam("tenant") String tenant,
                        @Parameter(description = "An event number from 1 up to the head's")
                        @QueryParam("seq") String seq) {
        return PublicCaching.cachedFor(MAX_AGE_SECONDS, Response.ok(head.read(tenant, seq, "/query/seq"),
                MediaType.APPLICATION_JSON));
    }
}
