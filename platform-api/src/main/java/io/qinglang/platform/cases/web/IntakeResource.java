package io.qinglang.platform.cases.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.cases.application.IntakeChallenges;
import io.qinglang.platform.cases.application.IntakeReceipt;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.IntakeSubmission;
import io.qinglang.platform.cases.application.SubmitReport;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public intake: anyone may report to a tenant, anonymously or not. The answer carries the receipt code
 * and claim secret — the only time they are ever shown — so it must never be cached.
 */
@Path("/v1/tenants/{tenant}/reports")
@RequestScoped
@PermitAll
public class IntakeResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PROOF_OF_WORK = "Proof-Of-Work";

    private final IntakeService intake;
    private final RequestJson json;
    private final ObjectMapper mapper;
    private final UploadLimits limits;
    private final RequestOrigin origin;
    private final IntakeChallenges challenges;

    @Inject
    public IntakeResource(IntakeService intake, RequestJson json, ObjectMapper mapper, UploadLimits limits,
                          RequestOrigin origin, IntakeChallenges challenges) {
        this.origin = origin;
        this.challenges = challenges;
        this.intake = intake;
        this.json = json;
        this.mapper = mapper;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a report without files")
    @RequestBody(content = @Content(schema = @Schema(implementation = SubmitReport.class)))
    public Response submit(@PathParam("tenant") String tenant, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           @HeaderParam(PROOF_OF_WORK) String proof, byte[] body) {
        SubmitReport report = json.read(body, SubmitReport.class);
        return created(intake.submit(tenant, origin.clientAddress(), proof,
                IntakeSubmission.of(report, List.of(), key, mapper)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a report with evidence files: a 'report' JSON part and 'evidence' file parts")
    public Response submitWithEvidence(@PathParam("tenant") String tenant, @HeaderParam(IDEMPOTENCY_KEY) String key,
                                       @HeaderParam(PROOF_OF_WORK) String proof,
                                       @HeaderParam("Content-Type") String contentType, InputStream body) {
        MultipartForm.Parts parts = MultipartForm.read(contentType, body, "report", limits.evidence(),
                limits.maxRequestBytes());
        SubmitReport report = json.read(parts.json(), SubmitReport.class);
        return created(intake.submit(tenant, origin.clientAddress(), proof,
                IntakeSubmission.of(report, parts.files(), key, mapper)));
    }

    @GET
    @Path("/challenge")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a proof-of-work must accompany the next report, and the challenge to solve: a number n "
            + "such that SHA-256(token + ':' + n) starts with difficultyBits zero bits, sent as 'Proof-Of-Work: token:n'")
    public Response challenge(@PathParam("tenant") String tenant) {
        return challengeAnswer(challenges.current(tenant));
    }

    /** Whether a proof is asked for and, if so, the challenge; never cached, each is taken once. */
    static Response challengeAnswer(Optional<IntakeChallenges.Challenge> challenge) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("required", challenge.isPresent());
        challenge.ifPresent(c -> {
            answer.put("token", c.token());
            answer.put("difficultyBits", c.difficultyBits());
            answer.put("expiresAt", c.expiresAt());
        });
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    private static Response created(IntakeReceipt receipt) {
        return Response.status(Response.Status.CREATED).entity(receipt).header("Cache-Control", "no-store").build();
    }
}
