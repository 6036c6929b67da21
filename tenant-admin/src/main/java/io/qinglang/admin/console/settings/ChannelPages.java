package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.ChannelSettings;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.TenantConfigurationView.ChannelView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.domain.ChannelKind;
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

/**
 * The body's channels: each with the public details reporters see (the hotline's number and hours, the mailbox, the
 * postal address), a form to add one or change one, and retiring by unticking "in use".
 */
@Path("/admin/channels")
@RequestScoped
@Produces(ConsoleView.HTML)
public class ChannelPages {

    private final ConfigurationService configuration;
    private final AdminPage admin;

    @Inject
    public ChannelPages(ConfigurationService configuration, AdminPage admin) {
        this.configuration = configuration;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("saved") String saved, @BeanParam Reader reader) {
        return render(200, Map.of("version", "0", "active", "true", "kind", "WEB"), Map.of(), saved, reader);
    }

    @GET
    @Path("/{code}")
    public Response edit(@PathParam("code") String code, @BeanParam Reader reader) {
        ChannelView channel = channel(code);
        Map<String, String> values = new HashMap<>(AdminPage.values(channel));
        return render(200, values, Map.of(), null, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = PostedForm.withBoxes(posted, "active");
        return admin.submit(form, reader, () -> {
            String code = form.getFirst("code") == null ? null : form.getFirst("code").strip();
            long version = PostedForm.version(form);
            ChannelSettings settings = (ChannelSettings) FormBinding.bind(ChannelSettings.class, form);
            configuration.putChannel(admin.tenant(), code, settings, version, admin.actor());
            return UriBuilder.fromPath("/console/admin/channels").queryParam("saved", code).build();
        }, (status, values, errors) -> render(status, values, errors, null, reader));
    }

    private ChannelView channel(String code) {
        return configuration.view(admin.tenant()).channels().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("CHANNEL_NOT_FOUND", "No channel " + code + " at this body."));
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors, String saved,
                            Reader reader) {
        Map<String, Object> model = new HashMap<>();
        model.put("channels", configuration.view(admin.tenant()).channels());
        model.put("values", values);
        model.put("errors", errors);
        model.put("kinds", AdminPage.options(admin.texts(reader), "channel.",
                Arrays.stream(ChannelKind.values()).map(Enum::name).toList()));
        if (saved != null) {
            model.put("saved", saved);
        }
        return admin.page(status, "admin-channels", model, reader);
    }
}
