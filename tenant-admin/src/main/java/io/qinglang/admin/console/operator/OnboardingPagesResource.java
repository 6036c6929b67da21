package io.qinglang.admin.console.operator;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.console.web.SignedIn;
import io.qinglang.admin.onboarding.application.OnboardTenant;
import io.qinglang.admin.onboarding.application.OnboardingService;
import io.qinglang.admin.onboarding.application.TemplateDefaults;
import io.qinglang.admin.onboarding.application.TenantSlugTaken;
import io.qinglang.admin.onboarding.application.TenantSummary;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.domain.TenantTemplate;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Onboarding a body from one of the three templates. The operator first chooses the template (a plain GET, so it works
 * without scripts) and sees what it would seed — channels, categories with their severity, deadline policies per stage
 * — before adopting it with the body's details and its first admin. Bad input comes back with each field marked in the
 * reader's language and nothing written; a slug in use marks the slug. Success leads to the body's page, which says
 * whether the invitation e-mail went out.
 */
@Path("/platform/onboard")
@RequestScoped
@Produces(ConsoleView.HTML)
public class OnboardingPagesResource {

    static final String DEFAULT_ZONE = "Asia/Shanghai";

    private final OnboardingService onboarding;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public OnboardingPagesResource(OnboardingService onboarding, SignedIn signedIn, ConsoleView view) {
        this.onboarding = onboarding;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response form(@QueryParam("template") String template, @BeanParam Reader reader) {
        signedIn.require(BodiesPagesResource.OPERATOR);
        String chosen = chosen(template);
        return form(200, chosen, Map.of("template", chosen, "timeZone", DEFAULT_ZONE), Map.of(), reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response onboard(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        signedIn.checkForm(form.getFirst(Csrf.FIELD));
        String operator = signedIn.require(BodiesPagesResource.OPERATOR).username();
        Map<String, String> typed = PostedForm.typed(form);
        String template = chosen(form.getFirst("template"));
        try {
            TenantSummary body = onboarding.onboard((OnboardTenant) FormBinding.bind(OnboardTenant.class, form), operator);
            String notice = Boolean.TRUE.equals(body.invitationSent()) ? "invitation-sent" : "invitation-not-sent";
            return Response.seeOther(UriBuilder.fromPath("/console/platform/bodies/{slug}").queryParam("done", notice)
                    .build(body.slug())).build();
        } catch (InvalidInput e) {
            return form(400, template, typed, messages(e, view.texts(reader)), reader);
        } catch (TenantSlugTaken e) {
            return form(409, template, typed, Map.of("slug", view.texts(reader).get("operator.slugTaken")), reader);
        }
    }

    private Response form(int status, String template, Map<String, String> values, Map<String, String> errors,
                          Reader reader) {
        return view.page(status, "operator-onboard", Map.of("values", values, "errors", errors,
                "templates", TemplateDefaults.names(), "defaults", TemplateDefaults.of(TenantTemplate.valueOf(template)),
                "keep", "template=" + template), reader);
    }

    /** Each field's message; a first admin left out altogether marks each of their fields. */
    static Map<String, String> messages(InvalidInput e, Map<String, String> texts) {
        Map<String, String> errors = new LinkedHashMap<>(FieldMessages.of(e, OnboardingPagesResource::field, texts));
        String admin = errors.remove("admin");
        if (admin != null) {
            List.of("admin.email", "admin.firstName", "admin.lastName").forEach(f -> errors.putIfAbsent(f, admin));
        }
        return errors;
    }

    /** The template asked for, or the first when none (or an unknown one) is named. */
    static String chosen(String template) {
        return TemplateDefaults.names().contains(template) ? template : TemplateDefaults.names().getFirst();
    }

    /** {@code /admin/email} → {@code admin.email}, the form's name for it. */
    static String field(String pointer) {
        return pointer.substring(pointer.startsWith("/") ? 1 : 0).replace('/', '.');
    }
}
