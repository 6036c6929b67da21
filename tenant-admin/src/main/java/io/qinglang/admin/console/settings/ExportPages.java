package io.qinglang.admin.console.settings;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.export.application.TenantExport;
import io.qinglang.admin.export.application.TenantExports;
import io.qinglang.admin.export.application.TenantExports.Asker;
import io.qinglang.admin.export.web.ExportsResource;
import io.qinglang.platform.shared.domain.InvalidInput;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A body's export, for its admins: ask for one with a passphrase typed twice (never shown again, never kept once the
 * archive is made), watch it being made (the page's script asks for its progress every two seconds; without a script,
 * reloading shows it), download it for seven days and open it with gpg.
 */
@Path("/admin/export")
@RequestScoped
@Produces(ConsoleView.HTML)
public class ExportPages {

    private final TenantExports exports;
    private final AdminPage admin;

    @Inject
    public ExportPages(TenantExports exports, AdminPage admin) {
        this.exports = exports;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("done") String done, @BeanParam Reader reader) {
        return render(200, Map.of(), Map.of(), "requested".equals(done), reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            // only the reason comes back into the page if it is refused; a passphrase never does
            String passphrase = form.getFirst("passphrase");
            if (passphrase != null && !passphrase.isEmpty() && !Objects.equals(passphrase, form.getFirst("passphraseAgain"))) {
                throw InvalidInput.of("/passphraseAgain", "must be the same passphrase twice");
            }
            TenantExport queued = exports.request(admin.tenant(), new TenantExports.ExportRequest(passphrase,
                            form.getFirst("reason")),
                    Asker.TENANT_ADMIN, admin.actor());
            return UriBuilder.fromPath("/console/admin/export").queryParam("done", "requested")
                    .fragment("export-" + queued.id()).build();
        }, (status, values, errors) -> render(status, Map.of("reason", values.getOrDefault("reason", "")), errors,
                false, reader));
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress(@PathParam("id") UUID id) {
        TenantExport export = exports.get(admin.tenant(), id, Asker.TENANT_ADMIN);
        return Response.ok(new DisclosureReportPages.Progress(export.state().name(), export.progress(), export.step(),
                !working(export))).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/archive")
    @Produces("application/pgp-encrypted")
    public Response archive(@PathParam("id") UUID id) {
        return ExportsResource.download(exports.download(admin.tenant(), id, Asker.TENANT_ADMIN, admin.actor()));
    }

    private static boolean working(TenantExport export) {
        return export.state() == TenantExport.State.QUEUED || export.state() == TenantExport.State.MAKING;
    }

    /** The passphrase is never put back into the page: an error names the field and the fields come back empty. */
    private Response render(int status, Map<String, String> values, Map<String, String> errors, boolean requested,
                            Reader reader) {
        List<TenantExport> all = exports.list(admin.tenant(), Asker.TENANT_ADMIN);
        Map<String, Object> model = new HashMap<>();
        model.put("exports", all);
        model.put("working", all.stream().anyMatch(ExportPages::working));
        model.put("values", values);
        model.put("errors", errors);
        model.put("slug", admin.tenant());
        if (requested) {
            model.put("done", "requested");
        }
        return admin.page(status, "admin-export", model, reader);
    }
}
