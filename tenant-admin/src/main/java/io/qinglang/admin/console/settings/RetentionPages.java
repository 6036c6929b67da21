package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.RetentionChoice;
import io.qinglang.admin.configuration.application.RetentionSettings;
import io.qinglang.admin.configuration.application.RetentionSettings.RetentionView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * How long the body keeps an ended case's personal data (DESIGN.md "Archive"): the months, never under two years,
 * where the purge stands (due now, due within 30 days, on legal hold, erased so far) and what the latest purges erased.
 * The setting carries the body's version, so two admins cannot overwrite each other.
 */
@Path("/admin/retention")
@RequestScoped
@Produces(ConsoleView.HTML)
public class RetentionPages {

    private final RetentionSettings retention;
    private final AdminPage admin;

    @Inject
    public RetentionPages(RetentionSettings retention, AdminPage admin) {
        this.retention = retention;
        this.admin = admin;
    }

    @GET
    public Response settings(@QueryParam("saved") boolean saved, @BeanParam Reader reader) {
        RetentionView view = retention.view(admin.tenant());
        return render(200, view, values(view), Map.of(), saved, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            long version = PostedForm.version(form);
            retention.revise(admin.tenant(), (RetentionChoice) FormBinding.bind(RetentionChoice.class, form), version,
                    admin.actor());
            return UriBuilder.fromPath("/console/admin/retention").queryParam("saved", true).build();
        }, (status, values, errors) -> render(status, retention.view(admin.tenant()), values, errors, false, reader));
    }

    private static Map<String, String> values(RetentionView view) {
        return Map.of("months", Integer.toString(view.months()), "version", Long.toString(view.version()));
    }

    private Response render(int status, RetentionView view, Map<String, String> values, Map<String, String> errors,
                            boolean saved, Reader reader) {
        Map<String, Object> model = new HashMap<>();
        model.put("retention", view);
        model.put("values", values);
        model.put("errors", errors);
        if (saved) {
            model.put("saved", true);
        }
        return admin.page(status, "admin-retention", model, reader);
    }
}
