package io.qinglang.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.cases.application.IntakeChallenges;
import io.qinglang.platform.cases.application.IntakeReceipt;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.IntakeSubmission;
import io.qinglang.platform.cases.application.SubmitReport;
import io.qinglang.platform.cases.web.MultipartForm;
import io.qinglang.platform.cases.web.ReportFormFields;
import io.qinglang.platform.cases.web.UploadLimits;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.RequestOrigin;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.TenantTime;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report form and the receipt page. The form works without JavaScript; it posts multipart/form-data (so
 * evidence files go along) with its CSRF token. A report with mistakes comes back with every wrong field marked
 * and described next to it; a good one ends on the receipt page, which shows the receipt code and claim secret
 * this once and is never cached.
 */
@Path("/t/{tenant}/report")
@RequestScoped
@PermitAll
@Produces(PortalResource.HTML)
public class ReportPages {

    static final Set<String> FIELDS = Stream.concat(Stream.of(Csrf.FIELD, "category", "subjectType", "subjectValue",
            "description", "anonymity", "reporterName", "reporterIdNumber", "reporterAddress", "contactEmail",
            "contactPhone", "consent"), ProofOfWorkForm.FIELDS.stream()).collect(Collectors.toUnmodifiableSet());
    /** Where an API error's pointer is shown on the form. */
    private final PortalPages pages;
    private final PublicConfigurations configurations;
    private final IntakeService intake;
    private final UploadLimits limits;
    private final ObjectMapper json;
    private final TenantDirectory tenants;
    private final RequestOrigin origin;
    private final IntakeChallenges challenges;

    @Inject
    public ReportPages(PortalPages pages, PublicConfigurations configurations, IntakeService intake, UploadLimits limits,
                       ObjectMapper json, TenantDirectory tenants, RequestOrigin origin, IntakeChallenges challenges) {
        this.challenges = challenges;
        this.tenants = tenants;
        this.origin = origin;
        this.pages = pages;
        this.configurations = configurations;
        this.intake = intake;
        this.limits = limits;
        this.json = json;
    }

    @GET
    public Response form(@PathParam("tenant") String tenant, @QueryParam("lang") String lang,
                         @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, languageCookie, accept);
        PublicConfiguration configuration = configurations.of(tenant);
        return PortalResource.remembering(Csrf.formPage(csrfCookie,
                token -> renderForm(configuration, Map.of(), Map.of(), token, language)), lang);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, InputStream body) {
        Language language = Language.choose(null, languageCookie, accept);
        MultipartForm.Form form = MultipartForm.readForm(contentType, body, FIELDS, limits.evidence(),
                limits.maxRequestBytes());
        Csrf.check(csrfCookie, form.field(Csrf.FIELD));
        PublicConfiguration configuration = configurations.of(tenant);
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.stream().filter(f -> !f.equals(Csrf.FIELD) && !ProofOfWorkForm.FIELDS.contains(f))
                .forEach(f -> values.put(f, text(form, f)));
        try {
            IntakeReceipt receipt = intake.submit(tenant, origin.clientAddress(), ProofOfWorkForm.proof(form),
                    IntakeSubmission.of(report(configuration, values), form.files(), null, json));
            Map<String, Object> model = new LinkedHashMap<>(Map.of("tenant", configuration, "receipt", receipt,
                    "files", form.files().size()));
            if (receipt.acknowledgeBy() != null) {
                TenantTime when = new TenantTime(tenants.zoneOf(tenant));
                model.put("acknowledgeBy", when.format(receipt.acknowledgeBy()) + " (" + when.zone() + ")");
            }
            return Response.ok(pages.render("receipt", model, language)).build();
        } catch (InvalidInput e) {
            Map<String, String> errors = FieldMessages.of(e, p -> p.equals("/channel") ? "category" : ReportFormFields.fieldOf(p), pages.messages().of(language));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(renderForm(configuration, values, errors, csrfCookie, language)).build();
        } catch (IntakeChallenges.ProofOfWorkRequired e) {
            // typed values are kept; without a script the page says why and where else to report
            Map<String, String> errors = Map.of("form",
                    pages.messages().of(language).get(ProofOfWorkForm.refusal(form, "pow.refused")));
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(renderForm(configuration, values, errors, csrfCookie, language)).build();
        }
    }

    private String renderForm(PublicConfiguration configuration, Map<String, String> values, Map<String, String> errors,
                              String token, Language language) {
        Map<String, Object> model = new HashMap<>(Map.of("tenant", configuration, "values", values, "errors", errors,
                "csrf", token, "subjectTypes", ReportFormFields.SUBJECT_TYPES, "maxFiles", limits.evidence().maxFiles(),
                "maxFileSize", size(limits.evidence().maxFileBytes())));
        ProofOfWorkForm.offer(model, () -> challenges.current(configuration.slug()));
        return pages.render("report", model, language);
    }

    /** The report as the API takes it, through the body's web channel. */
    private static SubmitReport report(PublicConfiguration configuration, Map<String, String> v) {
        String channel = configuration.channels().stream().filter(c -> c.kind().equals("WEB"))
                .map(PublicConfiguration.PublicChannel::code).findFirst().orElse("web");
        return ReportFormFields.report(channel, v);
    }

    private static String text(MultipartForm.Form form, String name) {
        String value = form.field(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 10 MB, or 300 KB for a limit under a megabyte (never "0 MB"). */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
