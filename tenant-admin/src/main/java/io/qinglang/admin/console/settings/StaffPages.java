package io.qinglang.admin.console.settings;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.staff.application.StaffService;
import io.qinglang.admin.staff.application.StaffService.DepartmentSettings;
import io.qinglang.admin.staff.application.StaffService.Invitation;
import io.qinglang.admin.staff.application.StaffService.StaffView;
import io.qinglang.platform.shared.domain.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The body's staff: invite someone by e-mail with their roles and departments, change a member's roles (refused if
 * another admin changed them meanwhile) and departments, deactivate and reactivate, send an invitation again; and the
 * departments themselves.
 */
@Path("/admin/staff")
@RequestScoped
@Produces(ConsoleView.HTML)
public class StaffPages {

    static final List<String> ROLES = List.of("handler", "supervisor", "tenant-admin");

    private final StaffService staff;
    private final AdminPage admin;

    @Inject
    public StaffPages(StaffService staff, AdminPage admin) {
        this.staff = staff;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("done") String done, @BeanParam Reader reader) {
        return list(200, Map.of("roles", "handler"), Map.of(), Map.of("version", "0"), Map.of(), done, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            StaffView invited = staff.invite(admin.tenant(), (Invitation) FormBinding.bind(Invitation.class, form),
                    admin.actor());
            return UriBuilder.fromPath("/console/admin/staff/{id}").queryParam("done", "invited").build(invited.userId());
        }, (status, values, errors) -> list(status, values, errors, Map.of("version", "0"), Map.of(), null, reader));
    }

    @POST
    @Path("/departments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response department(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = PostedForm.withBoxes(posted, "active");
        return admin.submit(form, reader, () -> {
            String code = form.getFirst("code") == null ? null : form.getFirst("code").strip();
            staff.putDepartment(admin.tenant(), code, (DepartmentSettings) FormBinding.bind(DepartmentSettings.class, form),
                    PostedForm.version(form), admin.actor());
            return UriBuilder.fromPath("/console/admin/staff").queryParam("done", "department").fragment("departments")
                    .build();
        }, (status, values, errors) -> list(status, Map.of("roles", "handler"), Map.of(), values, errors, null, reader));
    }

    @GET
    @Path("/{userId}")
    public Response member(@PathParam("userId") String userId, @QueryParam("done") String done,
                           @BeanParam Reader reader) {
        return member(200, userId, Map.of(), Map.of(), done, reader);
    }

    @POST
    @Path("/{userId}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("userId") String userId, MultivaluedMap<String, String> form,
                          @BeanParam Reader reader) {
        return memberStep(userId, "roles", form, reader, () -> {
            String seen = form.getFirst("seen");
            staff.changeRoles(admin.tenant(), userId, form.getOrDefault("roles", List.of()), admin.actor(),
                    admin.admin().userId(), seen == null ? null : Set.of(seen.isBlank() ? new String[0] : seen.split(",")));
            return null;
        });
    }

    @POST
    @Path("/{userId}/departments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response departments(@PathParam("userId") String userId, MultivaluedMap<String, String> form,
                                @BeanParam Reader reader) {
        return memberStep(userId, "departments", form, reader, () -> {
            staff.placeInDepartments(admin.tenant(), userId, form.getOrDefault("departments", List.of()), admin.actor());
            return null;
        });
    }

    @POST
    @Path("/{userId}/{step: deactivate|reactivate|invitation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response account(@PathParam("userId") String userId, @PathParam("step") String step,
                            MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return memberStep(userId, step, form, reader, () -> {
            switch (step) {
                case "deactivate" -> staff.deactivate(admin.tenant(), userId, admin.actor(), admin.admin().userId());
                case "reactivate" -> staff.reactivate(admin.tenant(), userId, admin.actor());
                default -> staff.resendInvitation(admin.tenant(), userId, admin.actor());
            }
            return null;
        });
    }

    private Response memberStep(String userId, String step, MultivaluedMap<String, String> form, Reader reader,
                                Supplier<Void> act) {
        return admin.submit(form, reader, () -> {
            act.get();
            return UriBuilder.fromPath("/console/admin/staff/{id}").queryParam("done", step).build(userId);
        }, (status, values, errors) -> member(status, userId, values, errors, null, reader));
    }

    private Response list(int status, Map<String, String> invite, Map<String, String> inviteErrors,
                          Map<String, String> department, Map<String, String> departmentErrors, String done,
                          Reader reader) {
        String tenant = admin.tenant();
        Map<String, Object> model = new HashMap<>();
        model.put("staff", staff.list(tenant));
        model.put("departments", staff.departments(tenant));
        model.put("values", invite);
        model.put("errors", inviteErrors);
        model.put("department", department);
        model.put("departmentErrors", departmentErrors);
        model.put("roles", ROLES);
        if (done != null && Arrays.asList("department").contains(done)) {
            model.put("done", done);
        }
        return admin.page(status, "admin-staff", model, reader);
    }

    private Response member(int status, String userId, Map<String, String> values, Map<String, String> errors,
                            String done, Reader reader) {
        String tenant = admin.tenant();
        StaffView member = staff.list(tenant).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new NotFound("STAFF_NOT_FOUND", "No member " + userId + " at this body."));
        Map<String, Object> model = new HashMap<>();
        model.put("member", member);
        model.put("departments", staff.departments(tenant));
        model.put("roles", ROLES);
        model.put("values", values);
        model.put("errors", errors);
        model.put("self", userId.equals(admin.admin().userId()));
        if (done != null && List.of("invited", "roles", "departments", "deactivate", "reactivate", "invitation")
                .contains(done)) {
            model.put("done", done);
        }
        return admin.page(status, "admin-member", model, reader);
    }
}
