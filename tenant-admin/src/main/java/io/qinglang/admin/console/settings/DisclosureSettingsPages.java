package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.DisclosureChoices;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.Logo;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DisclosureView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.cases.web.MultipartForm;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.PublicStatistic;
import io.qinglang.platform.tenants.domain.ReportPeriod;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the body publishes: which statistics the portal shows, the small-cell threshold below which counts are
 * suppressed, the periods disclosure reports cover, the name and logo they carry. The settings carry their version,
 * so two admins cannot overwrite each other.
 */
@Path("/admin/disclosure")
@RequestScoped
@Produces(ConsoleView.HTML)
public class DisclosureSettingsPages {

    private static final Set<String> LOGO_FIELDS = Set.of(Csrf.FIELD);

    private final ConfigurationService configuration;
    private final AdminPage admin;

    @Inject
    public DisclosureSettingsPages(ConfigurationService configuration, AdminPage admin) {
        this.configuration = configuration;
        this.admin = admin;
    }

    @GET
    public Response settings(@QueryParam("saved") boolean saved, @BeanParam Reader reader) {
        return render(200, current(), Map.of(), Map.of(), saved, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = posted;
        return admin.submit(form, reader, () -> {
            long version = PostedForm.version(form);
            DisclosureChoices choices = (DisclosureChoices) FormBinding.bind(DisclosureChoices.class, form);
            configuration.reviseDisclosure(admin.tenant(), new DisclosureChoices(
                    choices.publicStatistics() == null ? java.util.List.of() : choices.publicStatistics(),
                    choices.smallCellThreshold(),
                    choices.reportPeriods() == null ? java.util.List.of() : choices.reportPeriods(),
                    choices.displayNameZh(), choices.displayNameEn()), version, admin.actor());
            return UriBuilder.fromPath("/console/admin/disclosure").queryParam("saved", true).build();
        }, (status, values, errors) -> render(status, values, errors, Map.of(), false, reader));
    }

    /** The logo as the reports carry it. */
    @GET
    @Path("/logo")
    @Produces({"image/png", "image/jpeg"})
    public Response logo() {
        Logo logo = configuration.logo(admin.tenant())
                .orElseThrow(() -> new NotFound("LOGO_NOT_FOUND", "This body has no logo."));
        return Response.ok(logo.bytes(), logo.contentType()).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replaceLogo(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                                @BeanParam Reader reader) {
        MultipartForm.Form form = MultipartForm.readUpload(contentType, body, LOGO_FIELDS, "logo",
                DisclosureSettings.MAX_LOGO_BYTES + 1);
        MultivaluedMap<String, String> token = new MultivaluedHashMap<>();
        token.putSingle(Csrf.FIELD, form.field(Csrf.FIELD));
        admin.checkForm(token);
        try {
            if (form.files().isEmpty()) {
                throw InvalidInput.of("", "must be a PNG or JPEG image");
            }
            configuration.replaceLogo(admin.tenant(), Logo.of(form.files().get(0).content()), admin.actor());
            return Response.seeOther(UriBuilder.fromPath("/console/admin/disclosure").queryParam("saved", true).build())
                    .build();
        } catch (InvalidInput e) {
            return logoRefused(FieldMessages.of(e, pointer -> "logo", admin.texts(reader)), reader);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.PAYLOAD_TOO_LARGE && e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            return logoRefused(Map.of("logo", e.getMessage()), reader);
        }
    }

    @POST
    @Path("/logo/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeLogo(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            configuration.replaceLogo(admin.tenant(), null, admin.actor());
            return UriBuilder.fromPath("/console/admin/disclosure").queryParam("saved", true).build();
        }, (status, values, errors) -> logoRefused(errors, reader));
    }

    private Response logoRefused(Map<String, String> errors, Reader reader) {
        return render(400, current(), Map.of(), errors, false, reader);
    }

    private Map<String, String> current() {
        DisclosureView now = configuration.disclosure(admin.tenant());
        Map<String, String> values = new HashMap<>();
        values.put("publicStatistics", String.join("\n", now.publicStatistics()));
        values.put("reportPeriods", String.join("\n", now.reportPeriods()));
        values.put("smallCellThreshold", Integer.toString(now.smallCellThreshold()));
        values.put("displayNameZh", now.displayNameZh() == null ? "" : now.displayNameZh());
        values.put("displayNameEn", now.displayNameEn() == null ? "" : now.displayNameEn());
        values.put("version", Long.toString(now.version()));
        return values;
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors,
                            Map<String, String> logoErrors, boolean saved, Reader reader) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("logoErrors", logoErrors);
        model.put("hasLogo", configuration.disclosure(admin.tenant()).hasLogo());
        model.put("statistics", AdminPage.options(admin.texts(reader), "statistic.",
                Arrays.stream(PublicStatistic.values()).map(Enum::name).toList()));
        model.put("periods", AdminPage.options(admin.texts(reader), "period.",
                Arrays.stream(ReportPeriod.values()).map(Enum::name).toList()));
        model.put("minimumK", DisclosureSettings.MINIMUM_K);
        if (saved) {
            model.put("saved", true);
        }
        return admin.page(status, "admin-disclosure", model, reader);
    }
}
