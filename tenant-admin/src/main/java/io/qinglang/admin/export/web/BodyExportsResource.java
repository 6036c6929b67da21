package io.qinglang.admin.export.web;

import io.qinglang.admin.export.application.TenantExports;
import io.qinglang.admin.export.application.TenantExports.Asker;
import io.qinglang.admin.export.application.TenantExport;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.UUID;

/**
 * The platform operator's side of a body's exports (the body's admins use {@link ExportsResource}): only while the
 * body is suspended, before it leaves; 409 {@code TENANT_NOT_SUSPENDED} otherwise.
 */
@Path("/v1/platform/tenants/{tenant}/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BodyExportsResource {

    private final TenantExports exports;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public BodyExportsResource(TenantExports exports, StaffAccess access, RequestJson json) {
        this.exports = exports;
        this.access = access;
        this.json = json;
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("platform-admin")
    @Operation(summary = "Operator: export a suspended body's data; 202 (409 TENANT_NOT_SUSPENDED otherwise)")
    @RequestBody(content = @Content(schema = @Schema(implementation = TenantExports.ExportRequest.class)))
    public Response requestForBody(@PathParam("tenant") String tenant, byte[] body) {
        return ExportsResource.queued(tenant, exports.request(tenant, json.read(body, TenantExports.ExportRequest.class),
                Asker.OPERATOR, access.subject()), "/api/v1/platform/tenants/");
    }

    @GET
        @RolesAllowed("platform-admin")
    @Operation(summary = "Operator: a suspended body's exports")
    public List<TenantExport> listForBody(@PathParam("tenant") String tenant) {
        return exports.list(tenant, Asker.OPERATOR);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("platform-admin")
    @Operation(summary = "Operator: one export of a suspended body")
    public TenantExport getForBody(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        return exports.get(tenant, id, Asker.OPERATOR);
    }

    @GET
    @Path("/{id}/archive")
    @Produces({ExportsResource.PGP, MediaType.APPLICATION_JSON})
    @RolesAllowed("platform-admin")
    @Operation(summary = "Operator: a suspended body's ready archive; audited")
    public Response archiveForBody(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        return ExportsResource.download(exports.download(tenant, id, Asker.OPERATOR, access.subject()));
    }

}
