package io.qinglang.admin.configuration.web;

import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.platform.shared.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant admin reads their tenant's channels, categories, deadline policies and calendar years. */
@Path("/v1/tenants/{tenant}/configuration")
@RequestScoped
@RolesAllowed({"tenant-admin", "supervisor", "handler"})
public class ConfigurationResource {

    private final ConfigurationService configuration;
    private final StaffAccess access;

    @Inject
    public ConfigurationResource(ConfigurationService configuration, StaffAccess access) {
        this.configuration = configuration;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's configuration")
    public TenantConfigurationView get(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return configuration.view(tenant);
    }
}
