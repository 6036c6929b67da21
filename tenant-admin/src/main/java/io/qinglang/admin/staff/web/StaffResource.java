package io.qinglang.admin.staff.web;

import io.qinglang.admin.staff.application.StaffService.DepartmentSettings;
import io.qinglang.admin.staff.application.StaffService.DepartmentView;
import io.qinglang.admin.staff.application.StaffService.Invitation;
import io.qinglang.admin.staff.application.StaffService.StaffView;
import io.qinglang.admin.staff.application.StaffService;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.shared.web.VersionTags;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/**
 * A tenant admin's staff: invite handlers, supervisors and other admins by e-mail, change their roles,
 * deactivate and reactivate them, and place them in departments. Staff of the tenant may read the departments.
 */
@Path("/v1/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("tenant-admin")
public class StaffResource {

    /** The roles a member is to hold. */
    public record Roles(List<String> roles) {
    }

    /** The departments a member is to belong to. */
    public record Departments(List<String> departments) {
    }

    private final StaffService staff;
    private final StaffAccess access;
    private final RequestJson json;

    @Inject
    public StaffResource(StaffService staff, StaffAccess access, RequestJson json) {
        this.staff = staff;
        this.access = access;
        this.json = json;
    }

    @GET
    @Path("/staff")
    @Operation(summary = "The tenant's staff with their roles, departments and whether they are active")
    public List<StaffView> list(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return staff.list(tenant);
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a member of staff: {email, firstName, lastName, roles[], departments[]}; "
            + "they get an e-mail to set their password")
    @RequestBody(content = @Content(schema = @Schema(implementation = Invitation.class)))
    public Response invite(@PathParam("tenant") String tenant, byte[] body) {
        access.requireMemberOf(tenant);
        StaffView invited = staff.invite(tenant, json.read(body, Invitation.class), access.subject());
        return Response.status(Response.Status.CREATED).entity(invited).build();
    }

    @POST
    @Path("/staff/{userId}/invitation")
    @Operation(summary = "Send the invitation e-mail again (set a password, verify the address)")
    public StaffView resendInvitation(@PathParam("tenant") String tenant, @PathParam("userId") String userId) {
        access.requireMemberOf(tenant);
        return staff.resendInvitation(tenant, userId, access.subject());
    }

    @PUT
    @Path("/staff/{userId}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a member's staff roles; in force from their next token")
    @RequestBody(content = @Content(schema = @Schema(implementation = Roles.class)))
    public StaffView changeRoles(@PathParam("tenant") String tenant, @PathParam("userId") String userId, byte[] body) {
        access.requireMemberOf(tenant);
        return staff.changeRoles(tenant, userId, json.read(body, Roles.class).roles(), access.subject(), access.userId());
    }

    @PUT
    @Path("/staff/{userId}/departments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the departments a member belongs to")
    @RequestBody(content = @Content(schema = @Schema(implementation = Departments.class)))
    public StaffView placeInDepartments(@PathParam("tenant") String tenant, @PathParam("userId") String userId,
                                        byte[] body) {
        access.requireMemberOf(tenant);
        return staff.placeInDepartments(tenant, userId, json.read(body, Departments.class).departments(), access.subject());
    }

    @POST
    @Path("/staff/{userId}/deactivate")
    @Operation(summary = "Deactivate a member: their account is disabled and their tokens refused at once")
    public StaffView deactivate(@PathParam("tenant") String tenant, @PathParam("userId") String userId) {
        access.requireMemberOf(tenant);
        return staff.deactivate(tenant, userId, access.subject(), access.userId());
    }

    @POST
    @Path("/staff/{userId}/reactivate")
    @Operation(summary = "Reactivate a deactivated member")
    public StaffView reactivate(@PathParam("tenant") String tenant, @PathParam("userId") String userId) {
        access.requireMemberOf(tenant);
        return staff.reactivate(tenant, userId, access.subject());
    }

    @GET
    @Path("/departments")
    @RolesAllowed({"tenant-admin", "supervisor", "handler"})
    @Operation(summary = "The tenant's departments and their active members")
    public List<DepartmentView> departments(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return staff.departments(tenant);
    }

    @PUT
    @Path("/departments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a department: {nameZh, nameEn, active}; If-Match optional")
    @RequestBody(content = @Content(schema = @Schema(implementation = DepartmentSettings.class)))
    public Response putDepartment(@PathParam("tenant") String tenant, @PathParam("code") String code,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        access.requireMemberOf(tenant);
        DepartmentView view = staff.putDepartment(tenant, code, json.read(body, DepartmentSettings.class),
                VersionTags.optional(ifMatch, "department"), access.subject());
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }
}
