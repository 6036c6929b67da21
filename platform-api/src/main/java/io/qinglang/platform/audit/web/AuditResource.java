package io.qinglang.platform.audit.web;

import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tenant admins and supervisors verify their tenant's audit chain. */
@Path("/v1/tenants/{tenant}/audit")
@RequestScoped
@RolesAllowed({"tenant-admin", "supervisor"})
public class AuditResource {

    private final AuditTrail audit;
    private final TenantDirectory tenants;
    private final StaffAccess access;

    @Inject
    public AuditResource(AuditTrail audit, TenantDirectory tenants, StaffAccess access) {
        this.audit = audit;
        this.tenants = tenants;
        this.access = access;
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the tenant's hash-chained audit trail and name the first broken event")
    public ChainVerification verify(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return audit.verify(tenants.idOf(tenant));
    }
}
