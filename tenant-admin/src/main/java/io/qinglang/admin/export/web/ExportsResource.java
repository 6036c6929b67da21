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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A body's exports, for its admins ({@code /v1/tenants/{tenant}/exports}) and for the platform operator once the body
 * is suspended ({@code /v1/platform/tenants/{tenant}/exports}). {@code POST {passphrase}} queues an export and answers
 * 202 at once; its {@code progress} (0–100) and {@code step} can be followed; once ready its archive is downloaded
 * ({@code application/pgp-encrypted}, open it with {@code gpg --decrypt}) for seven days.
 */
@Path("/v1/tenants/{tenant}/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {

    static final String PGP = "application/pgp-encrypted";

    private final TenantExports exports;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public ExportsResource(TenantExports exports, StaffAccess access, RequestJson json) {
        this.exports = exports;
        this.access = access;
        this.json = json;
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Export all of the body's data, encrypted to a passphrase of at least 12 characters; 202")
    @RequestBody(content = @Content(schema = @Schema(implementation = TenantExports.ExportRequest.class)))
    public Response request(@PathParam("tenant") String tenant, byte[] body) {
        access.requireMemberOf(tenant);
        return queued(tenant, exports.request(tenant, json.read(body, TenantExports.ExportRequest.class),
                Asker.TENANT_ADMIN, access.subject()), "/api/v1/tenants/");
    }

    @GET
        @RolesAllowed("tenant-admin")
    @Operation(summary = "The body's exports, newest first")
    public List<TenantExport> list(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return exports.list(tenant, Asker.TENANT_ADMIN);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("tenant-admin")
    @Operation(summary = "One export: its state and progress")
    public TenantExport get(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        access.requireMemberOf(tenant);
        return exports.get(tenant, id, Asker.TENANT_ADMIN);
    }

    @GET
    @Path("/{id}/archive")
    @Produces({PGP, MediaType.APPLICATION_JSON})
    @RolesAllowed("tenant-admin")
    @Operation(summary = "The ready archive (OpenPGP, encrypted to the passphrase); audited")
    public Response archive(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        access.requireMemberOf(tenant);
        return download(exports.download(tenant, id, Asker.TENANT_ADMIN, access.subject()));
    }

    static Response queued(String tenant, TenantExport export, String prefix) {
        return Response.accepted(export).location(URI.create(prefix + tenant + "/exports/" + export.id())).build();
    }

    /** A ready archive as an attachment, for the API and the console alike: never cached, never sniffed. */
    public static Response download(TenantExports.Download download) {
        StreamingOutput body = download.body()::writeTo;
        return Response.ok(body, PGP)
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Content-Length", download.sizeBytes())
                .header("X-Content-SHA256", download.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
