package io.qinglang.portal.web;

import io.qinglang.platform.cases.application.EvidenceDownload;
import io.qinglang.platform.cases.application.IntakeChallenges;
import io.qinglang.platform.cases.application.TrackingLimits;
import io.qinglang.platform.cases.application.TrackingRequests;
import io.qinglang.platform.cases.application.TrackingService;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.cases.web.MultipartForm;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Receipt tracking for reporters: the receipt code is typed into a form and travels only in POST bodies, never in
 * an address. The case page shows the status, the reporter-visible timeline (as text), an open question with a
 * reply form (with files), the decision with its reasons and, while the window is open, an appeal form. Every
 * form carries the receipt code and the CSRF token as hidden fields; the pages are never cached. While the body's
 * lookups are anomalous every form that looks the receipt up carries a challenge of its own ({@link ProofOfWorkForm});
 * a request refused for want of a proof comes back as the lookup form with a fresh challenge and what was typed
 * (receipt code, message or reasons) kept in it, so nothing has to be typed again once the page can solve it.
 */
@Path("/t/{tenant}/track")
@RequestScoped
@PermitAll
@Produces(PortalResource.HTML)
public class TrackingPages {

    static final Set<String> FIELDS = Stream.concat(Stream.of(Csrf.FIELD, "receiptCode", "action", "message", "reasons"),
            ProofOfWorkForm.FIELDS.stream()).collect(Collectors.toUnmodifiableSet());
    /** What a refused request's form keeps when the lookup form comes back: all but the files. */
    private static final Set<String> KEPT = Set.of("receiptCode", "action", "message", "reasons");

    private final PortalPages pages;
    private final PublicConfigurations configurations;
    private final TrackingService tracking;
    private final TrackingLimits limits;
    private final TenantDirectory tenants;
    private final RequestOrigin origin;
    private final UploadLimits uploads;

    @Inject
    public TrackingPages(PortalPages pages, PublicConfigurations configurations, TrackingService tracking,
                         TrackingLimits limits, TenantDirectory tenants, RequestOrigin origin, UploadLimits uploads) {
        this.pages = pages;
        this.configurations = configurations;
        this.tracking = tracking;
        this.limits = limits;
        this.tenants = tenants;
        this.origin = origin;
        this.uploads = uploads;
    }

    @GET
    public Response form(@PathParam("tenant") String tenant, @QueryParam("lang") String lang,
                         @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, languageCookie, accept);
        PublicConfiguration configuration = configurations.of(tenant);
        return PortalResource.remembering(Csrf.formPage(csrfCookie,
                token -> lookupPage(configuration, token, "", Map.of(), language)), lang);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response act(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, InputStream body) {
        Language language = Language.choose(null, languageCookie, accept);
        MultipartForm.Form form = read(contentType, body, csrfCookie);
        PublicConfiguration configuration = configurations.of(tenant);
        TrackingRequests.WithReceipt request = request(form);
        try {
            TrackingService.Answer answer = tracking.act(tenant, origin.clientAddress(), ProofOfWorkForm.proof(form),
                    request, form.files());
            return casePage(configuration, csrfCookie, request, answer, language);
        } catch (ReceiptNotFound e) {
            return lookupAgain(Response.Status.NOT_FOUND, configuration, csrfCookie, "track.notFound", Map.of(), language);
        } catch (InvalidInput e) { // only the receipt code's: the request's own are answered on the case page
            return lookupAgain(Response.Status.BAD_REQUEST, configuration, csrfCookie, "track.malformed", Map.of(), language);
        } catch (IntakeChallenges.ProofOfWorkRequired e) {
            return proofRefused(configuration, csrfCookie, form, language);
        }
    }

    @POST
    @Path("/evidence/{evidenceId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_OCTET_STREAM, PortalResource.HTML})
    public Response download(@PathParam("tenant") String tenant, @PathParam("evidenceId") UUID evidenceId,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, InputStream body) {
        MultipartForm.Form form = read(contentType, body, csrfCookie);
        try {
            EvidenceDownload file = tracking.download(tenant, origin.clientAddress(), ProofOfWorkForm.proof(form),
                    form.field("receiptCode"), evidenceId);
            return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .header("Content-Disposition", file.attachment()).build();
        } catch (IntakeChallenges.ProofOfWorkRequired e) {
            return proofRefused(configurations.of(tenant), csrfCookie, form, Language.choose(null, languageCookie, accept));
        }
    }

    private MultipartForm.Form read(String contentType, InputStream body, String csrfCookie) {
        MultipartForm.Form form = MultipartForm.readForm(contentType, body, FIELDS, uploads.evidence(),
                uploads.maxRequestBytes());
        Csrf.check(csrfCookie, form.field(Csrf.FIELD));
        return form;
    }

    private static TrackingRequests.WithReceipt request(MultipartForm.Form form) {
        String receipt = form.field("receiptCode");
        return switch (form.field("action") == null ? "view" : form.field("action")) {
            case "reply" -> new TrackingRequests.AddInformation(receipt, form.field("message"));
            case "appeal" -> new TrackingRequests.Appeal(receipt, form.field("reasons"));
            default -> new TrackingRequests.Lookup(receipt);
        };
    }

    /**
     * The lookup form again for a request that lacked a proof-of-work, or brought one that was not accepted: with a
     * new challenge and what was typed kept, so that pressing the button again (with a script) does it.
     */
    private Response proofRefused(PublicConfiguration configuration, String csrf, MultipartForm.Form form,
                                  Language language) {
        return lookupAgain(Response.Status.FORBIDDEN, configuration, csrf,
                ProofOfWorkForm.refusal(form, "pow.track.refused"), kept(form), language);
    }

    private Response lookupAgain(Response.Status status, PublicConfiguration configuration, String csrf, String errorKey,
                                 Map<String, String> kept, Language language) {
        return Response.status(status).type(PortalResource.HTML)
                .entity(lookupPage(configuration, csrf, errorKey, kept, language)).build();
    }

    private static Map<String, String> kept(MultipartForm.Form form) {
        Map<String, String> kept = new HashMap<>();
        KEPT.stream().filter(f -> form.field(f) != null).forEach(f -> kept.put(f, form.field(f)));
        return kept;
    }

    private Response casePage(PublicConfiguration configuration, String csrf, TrackingRequests.WithReceipt request,
                              TrackingService.Answer answer, Language language) {
        String action = switch (request) {
            case TrackingRequests.AddInformation add -> "reply";
            case TrackingRequests.Appeal appeal -> "appeal";
            case TrackingRequests.Lookup lookup -> "view";
        };
        Map<String, String> errors = answer.refusal().map(e -> e instanceof InvalidInput invalid
                ? FieldMessages.of(invalid, pointer -> pointer.substring(1), pages.messages().of(language))
                : Map.of(action.equals("appeal") ? "reasons" : "message", e.getMessage())).orElse(Map.of());
        Map<String, Object> model = new HashMap<>(Map.of("tenant", configuration, "case", answer.view(),
                "receiptCode", request.receiptCode(), "csrf", csrf, "errors", errors,
                "done", errors.isEmpty() && !action.equals("view") ? "track.done." + action : "",
                "when", new TenantTime(tenants.zoneOf(configuration.slug())), "maxFiles", uploads.evidence().maxFiles()));
        ProofOfWorkForm.offer(model, () -> limits.challenge(configuration.slug()));
        return Response.status(errors.isEmpty() ? 200 : 400).entity(pages.render("case", model, language)).build();
    }

    private String lookupPage(PublicConfiguration configuration, String token, String errorKey, Map<String, String> kept,
                              Language language) {
        Map<String, Object> model = new HashMap<>(Map.of("tenant", configuration, "csrf", token, "errorKey", errorKey,
                "kept", kept));
        ProofOfWorkForm.offer(model, () -> limits.challenge(configuration.slug()));
        return pages.render("track", model, language);
    }
}
