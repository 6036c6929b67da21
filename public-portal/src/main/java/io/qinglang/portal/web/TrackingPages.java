package io.qinglang.portal.web;

import io.qinglang.platform.cases.application.CaseTracking;
import io.qinglang.platform.cases.application.EvidenceDownload;
import io.qinglang.platform.cases.application.TrackingRequests;
import io.qinglang.platform.cases.application.TrackingService;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.cases.web.MultipartForm;
import io.qinglang.platform.cases.web.UploadLimits;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.domain.DomainException;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Receipt tracking for reporters: the receipt code is typed into a form and travels only in POST bodies, never in
 * an address. The case page shows the status, the reporter-visible timeline (as text), an open question with a
 * reply form (with files), the decision with its reasons and, while the window is open, an appeal form. Every
 * form carries the receipt code and the CSRF token as hidden fields; the pages are never cached.
 */
@Path("/t/{tenant}/track")
@RequestScoped
@PermitAll
@Produces(PortalResource.HTML)
public class TrackingPages {

    static final Set<String> FIELDS = Set.of(Csrf.FIELD, "receiptCode", "action", "message", "reasons");

    private final PortalPages pages;
    private final PublicConfigurations configurations;
    private final TrackingService tracking;
    private final TenantDirectory tenants;
    private final RequestOrigin origin;
    private final UploadLimits limits;

    @Inject
    public TrackingPages(PortalPages pages, PublicConfigurations configurations, TrackingService tracking,
                         TenantDirectory tenants, RequestOrigin origin, UploadLimits limits) {
        this.pages = pages;
        this.configurations = configurations;
        this.tracking = tracking;
        this.tenants = tenants;
        this.origin = origin;
        this.limits = limits;
    }

    @GET
    public Response form(@PathParam("tenant") String tenant, @QueryParam("lang") String lang,
                         @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, languageCookie, accept);
        PublicConfiguration configuration = configurations.of(tenant);
        return Csrf.formPage(csrfCookie, token -> lookupPage(configuration, token, null, language));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response act(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @CookieParam(Language.COOKIE) String languageCookie, @CookieParam(Csrf.COOKIE) String csrfCookie,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, InputStream body) {
        Language language = Language.choose(null, languageCookie, accept);
        MultipartForm.Form form = MultipartForm.readForm(contentType, body, FIELDS, limits.evidence(),
                limits.maxRequestBytes());
        Csrf.check(csrfCookie, form.field(Csrf.FIELD));
        PublicConfiguration configuration = configurations.of(tenant);
        String receipt = form.field("receiptCode");
        String action = form.field("action") == null ? "view" : form.field("action");
        Map<String, String> errors = new LinkedHashMap<>();
        CaseTracking tracked;
        try {
            tracked = switch (action) {
                case "reply" -> tracking.addInformation(tenant, origin.clientAddress(), null,
                        new TrackingRequests.AddInformation(receipt, form.field("message")), form.files());
                case "appeal" -> tracking.appeal(tenant, origin.clientAddress(), null,
                        new TrackingRequests.Appeal(receipt, form.field("reasons")));
                default -> tracking.track(tenant, origin.clientAddress(), null, receipt);
            };
        } catch (ReceiptNotFound e) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(lookupPage(configuration, csrfCookie, "track.notFound", language)).build();
        } catch (InvalidInput e) {
            if (e.errors().stream().anyMatch(f -> f.pointer().equals("/receiptCode"))) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(lookupPage(configuration, csrfCookie, "track.malformed", language)).build();
            }
            errors.putAll(FieldMessages.of(e, pointer -> pointer.substring(1), pages.messages().of(language)));
            tracked = tracking.track(tenant, origin.clientAddress(), null, receipt);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.TOO_MANY_REQUESTS) {
                throw e;
            }
            errors.put(action.equals("appeal") ? "reasons" : "message", e.getMessage());
            tracked = tracking.track(tenant, origin.clientAddress(), null, receipt);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", configuration);
        model.put("case", tracked);
        model.put("receiptCode", receipt);
        model.put("csrf", csrfCookie);
        model.put("errors", errors);
        model.put("done", errors.isEmpty() && !action.equals("view") ? "track.done." + action : "");
        model.put("when", whenFormatter(tenant));
        model.put("maxFiles", limits.evidence().maxFiles());
        return Response.status(errors.isEmpty() ? 200 : 400).entity(pages.render("case", model, language)).build();
    }

    @POST
    @Path("/evidence/{evidenceId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@PathParam("tenant") String tenant, @PathParam("evidenceId") UUID evidenceId,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @CookieParam(Csrf.COOKIE) String csrfCookie, InputStream body) {
        MultipartForm.Form form = MultipartForm.readForm(contentType, body, FIELDS, limits.evidence(),
                limits.maxRequestBytes());
        Csrf.check(csrfCookie, form.field(Csrf.FIELD));
        EvidenceDownload file = tracking.download(tenant, origin.clientAddress(), null, form.field("receiptCode"), evidenceId);
        return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", file.attachment()).build();
    }

    private String lookupPage(PublicConfiguration configuration, String token, String errorKey, Language language) {
        return pages.render("track", Map.of("tenant", configuration, "csrf", token,
                "errorKey", errorKey == null ? "" : errorKey), language);
    }

    private TenantTime whenFormatter(String tenant) {
        return new TenantTime(tenants.zoneOf(tenant));
    }
}
