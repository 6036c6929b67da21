package io.qinglang.admin.console.settings;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.disclosure.application.DisclosureService;
import io.qinglang.admin.disclosure.application.DisclosureService.RequestReport;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.StoredDocument;
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

/**
 * Disclosure reports: ask for a closed period's report, watch it being made (the page's script asks for its progress
 * every two seconds; without a script, reloading shows it), download each edition (Chinese and English PDF, CSV),
 * publish a ready one on the portal.
 */
@Path("/admin/reports")
@RequestScoped
@Produces(ConsoleView.HTML)
public class DisclosureReportPages {

    /** How a report stands, for the page's script. */
    public record Progress(String state, int progress, String step, boolean done) {
        static Progress of(DisclosureReport r) {
            return new Progress(r.state().name(), r.progress(), r.step(),
                    r.state() == DisclosureReport.State.READY || r.state() == DisclosureReport.State.FAILED);
        }
    }

    private final DisclosureService reports;
    private final AdminPage admin;

    @Inject
    public DisclosureReportPages(DisclosureService reports, AdminPage admin) {
        this.reports = reports;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("done") String done, @BeanParam Reader reader) {
        return render(200, Map.of(), Map.of(), done, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            String period = form.getFirst("period") == null ? null : form.getFirst("period").strip();
            DisclosureReport queued = reports.request(admin.tenant(), new RequestReport(period), admin.actor());
            return UriBuilder.fromPath("/console/admin/reports").queryParam("done", "requested")
                    .fragment("report-" + queued.id()).build();
        }, (status, values, errors) -> render(status, values, errors, null, reader));
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress(@PathParam("id") String id) {
        return Response.ok(Progress.of(reports.get(admin.tenant(), id))).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/{edition: zh-CN|en|csv}")
    @Produces({"application/pdf", "text/csv"})
    public Response document(@PathParam("id") String id, @PathParam("edition") String edition) {
        StoredDocument document = reports.document(admin.tenant(), id, edition);
        return Response.ok(document.content(), document.edition().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            reports.publish(admin.tenant(), id, admin.actor());
            return UriBuilder.fromPath("/console/admin/reports").queryParam("done", "published")
                    .fragment("report-" + id).build();
        }, (status, values, errors) -> render(status, Map.of(), errors, null, reader));
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors, String done,
                            Reader reader) {
        List<DisclosureReport> all = reports.list(admin.tenant());
        Map<String, Object> model = new HashMap<>();
        model.put("reports", all);
        model.put("working", all.stream().anyMatch(r -> !Progress.of(r).done()));
        model.put("values", values);
        model.put("errors", errors);
        if (done != null && List.of("requested", "published").contains(done)) {
            model.put("done", done);
        }
        return admin.page(status, "admin-reports", model, reader);
    }
}
