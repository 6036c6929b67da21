package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.application.CaseTracking;
import io.qinglang.platform.cases.application.EvidenceDownload;
import io.qinglang.platform.cases.application.TrackingLimits;
import io.qinglang.platform.cases.application.TrackingRequests;
import io.qinglang.platform.cases.application.TrackingService;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.shared.web.RequestOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Receipt tracking for reporters. Every call is a POST whose body carries the receipt code, so the code
 * never appears in a URL, a proxy log or browser history.
 */
@Path("/v1/tenants/{tenant}/tracking")
@RequestScoped
@PermitAll
public class TrackingResource {

    /** The header carrying a solved challenge while the tenant's lookups are anomalous, as for the intake. */
    public static final String PROOF_OF_WORK = IntakeResource.PROOF_OF_WORK;

    private final TrackingService tracking;
    private final RequestJson json;
    private final RequestOrigin origin;
    private final UploadLimits uploads;
    private final TrackingLimits limits;

    @Inject
    public TrackingResource(TrackingService tracking, RequestJson json, RequestOrigin origin, UploadLimits uploads,
                            TrackingLimits limits) {
        this.tracking = tracking;
        this.json = json;
        this.origin = origin;
        this.uploads = uploads;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "See a case's status, deadlines and timeline by its receipt code")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrackingRequests.Lookup.class)))
    public Response track(@PathParam("tenant") String tenant, @HeaderParam(PROOF_OF_WORK) String proof, byte[] body) {
        TrackingRequests.Lookup lookup = json.read(body, TrackingRequests.Lookup.class);
        return private_(tracking.track(tenant, origin.clientAddress(), proof, lookup.receiptCode()));
    }

    @GET
    @Path("/challenge")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a proof-of-work must accompany the next lookup, and the challenge to solve (as for "
            + "the intake's /reports/challenge), sent as 'Proof-Of-Work: token:n'")
    public Response challenge(@PathParam("tenant") String tenant) {
        return IntakeResource.challengeAnswer(limits.challenge(tenant));
    }

    @POST
    @Path("/information")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a message to a case")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrackingRequests.AddInformation.class)))
    public Response addInformation(@PathParam("tenant") String tenant, @HeaderParam(PROOF_OF_WORK) String proof,
                                   byte[] body) {
        TrackingRequests.AddInformation request = json.read(body, TrackingRequests.AddInformation.class);
        return private_(tracking.addInformation(tenant, origin.clientAddress(), proof, request, List.of()));
    }

    @POST
    @Path("/information")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a message and files to a case: an 'information' JSON part and 'evidence' file parts")
    public Response addInformationWithEvidence(@PathParam("tenant") String tenant,
                                               @HeaderParam(PROOF_OF_WORK) String proof,
                                               @HeaderParam("Content-Type") String contentType, InputStream body) {
        MultipartForm.Parts parts = MultipartForm.read(contentType, body, "information", uploads.evidence(),
                uploads.maxRequestBytes());
        TrackingRequests.AddInformation request = json.read(parts.json(), TrackingRequests.AddInformation.class);
        return private_(tracking.addInformation(tenant, origin.clientAddress(), proof, request, parts.files()));
    }

    @POST
    @Path("/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal a closed case within the appeal window, saying why")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrackingRequests.Appeal.class)))
    public Response appeal(@PathParam("tenant") String tenant, @HeaderParam(PROOF_OF_WORK) String proof, byte[] body) {
        TrackingRequests.Appeal request = json.read(body, TrackingRequests.Appeal.class);
        return private_(tracking.appeal(tenant, origin.clientAddress(), proof, request));
    }

    @POST
    @Path("/evidence/{evidenceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download one of the case's files")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrackingRequests.Lookup.class)))
    public Response download(@PathParam("tenant") String tenant, @PathParam("evidenceId") UUID evidenceId,
                             @HeaderParam(PROOF_OF_WORK) String proof, byte[] body) {
        TrackingRequests.Lookup lookup = json.read(body, TrackingRequests.Lookup.class);
        EvidenceDownload file = tracking.download(tenant, origin.clientAddress(), proof, lookup.receiptCode(),
                evidenceId);
        return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", file.attachment())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response private_(CaseTracking view) {
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }
}
