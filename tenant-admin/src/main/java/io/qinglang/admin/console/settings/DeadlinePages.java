package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.PolicySettings;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.ConfigurationService.PolicyPreview;
import io.qinglang.admin.configuration.application.ConfigurationService.SeenInForce;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.DurationUnit;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.Severity;
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
import java.util.Map;
import java.util.UUID;

/**
 * The body's deadline policies per stage, category and severity: those in force, every version ever adopted (who
 * adopted what, when, and what it replaced), and a form that first shows what a policy would mean — "a report received
 * now would be due on …" — and adopts it only then, refused if someone adopted another for the same scope meanwhile.
 */
@Path("/admin/deadlines")
@RequestScoped
@Produces(ConsoleView.HTML)
public class DeadlinePages {

    static final String NONE = "none";

    private final ConfigurationService configuration;
    private final AdminPage admin;

    @Inject
    public DeadlinePages(ConfigurationService configuration, AdminPage admin) {
        this.configuration = configuration;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("history") boolean history, @QueryParam("adopted") boolean adopted,
                         @BeanParam Reader reader) {
        Map<String, String> blank = Map.of("stage", "ACCEPT", "unit", "WORKING_DAYS", "alertPercents", "50, 80, 100",
                "extensionNeedsApproval", "true", "published", "true");
        Map<String, Object> extra = new HashMap<>();
        if (adopted) {
            extra.put("adopted", true);
        }
        return render(200, blank, Map.of(), null, history, extra, reader);
    }

    /** Works out what the policy would do; nothing is written. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = boxes(posted);
        admin.checkForm(form);
        Map<String, String> typed = PostedForm.typed(form);
        try {
            PolicyPreview preview = configuration.previewPolicy(admin.tenant(), settings(form));
            return render(200, typed, Map.of(), preview, false, Map.of(), reader);
        } catch (InvalidInput e) {
            return render(400, typed, admin.errors(e, reader), null, false, Map.of(), reader);
        }
    }

    /** Adopts the policy previewed, if the one it replaces is still the one in force. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adopt(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = boxes(posted);
        return admin.submit(form, reader, () -> {
            String seen = form.getFirst("seen");
            if (seen == null || seen.isBlank()) {
                throw InvalidInput.of("/form", "preview the policy before adopting it");
            }
            configuration.adoptPolicy(admin.tenant(), settings(form), admin.actor(),
                    new SeenInForce(NONE.equals(seen) ? null : uuid(seen)));
            return UriBuilder.fromPath("/console/admin/deadlines").queryParam("adopted", true).build();
        }, (status, values, errors) -> render(status, values, errors, null, false, Map.of(), reader));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            configuration.retirePolicy(admin.tenant(), id, admin.actor());
            return UriBuilder.fromPath("/console/admin/deadlines").build();
        }, (status, values, errors) -> render(status, Map.of("stage", "ACCEPT", "unit", "WORKING_DAYS"), errors, null,
                false, Map.of(), reader));
    }

    /** The policy the form states; an empty category or severity means "all". */
    private static PolicySettings settings(MultivaluedMap<String, String> form) {
        return (PolicySettings) FormBinding.bind(PolicySettings.class, form);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("/form", "the form names no policy");
        }
    }

    private static MultivaluedMap<String, String> boxes(MultivaluedMap<String, String> posted) {
        return PostedForm.withBoxes(posted, "extensionNeedsApproval", "pausesWhileWaiting", "published");
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors, PolicyPreview preview,
                            boolean history, Map<String, Object> extra, Reader reader) {
        Map<String, String> texts = admin.texts(reader);
        TenantConfigurationView view = configuration.view(admin.tenant());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("policies", configuration.policies(admin.tenant(), false));
        if (history) {
            model.put("history", configuration.policies(admin.tenant(), true));
        }
        model.put("values", values);
        model.put("errors", errors);
        model.put("stages", AdminPage.options(texts, "stage.", Arrays.stream(DeadlineStage.values()).map(Enum::name).toList()));
        model.put("units", AdminPage.options(texts, "unit.", Arrays.stream(DurationUnit.values()).map(Enum::name).toList()));
        model.put("severities", AdminPage.options(texts, "severity.", Arrays.stream(Severity.values()).map(Enum::name).toList()));
        model.put("categories", AdminPage.categoryNames(view.categories(), reader, true));
        model.put("categoryNames", AdminPage.categoryNames(view.categories(), reader, false));
        if (preview != null) {
            model.put("preview", preview);
            model.put("seen", preview.replaces() == null ? NONE : preview.replaces().id().toString());
        }
        return admin.page(status, "admin-deadlines", model, reader);
    }
}
