package io.qinglang.portal.web;

import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.disclosure.application.PublishedAuditHead;
import io.qinglang.platform.disclosure.application.PublishedReports;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.TenantTime;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's published disclosure reports: each period's versions, newest first, with the Chinese and English PDFs
 * and the CSV to download (from the public API, byte for byte as archived), each file's size and SHA-256 and the audit
 * chain head the report was made at; then the body's audit chain head now, and the check of one kept earlier
 * ({@link AuditHeadForm}).
 */
@Path("/t/{tenant}/disclosures")
@RequestScoped
@PermitAll
@Produces(PortalResource.HTML)
public class DisclosurePages {

    private final PortalPages pages;
    private final PublishedReports reports;
    private final PublicConfigurations configurations;
    private final TenantDirectory tenants;
    private final PublishedAuditHead heads;

    @Inject
    public DisclosurePages(PortalPages pages, PublishedReports reports, PublicConfigurations configurations,
                           TenantDirectory tenants, PublishedAuditHead heads) {
        this.pages = pages;
        this.reports = reports;
        this.configurations = configurations;
        this.tenants = tenants;
        this.heads = heads;
    }

    @GET
    public Response page(@PathParam("tenant") String tenant, @QueryParam("seq") String seq,
                         @QueryParam("hash") String hash, @QueryParam("lang") String lang,
                         @CookieParam(Language.COOKIE) String cookie,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, cookie, accept);
        List<DisclosureReport> published = reports.list(tenant);
        Map<String, String> labels = new LinkedHashMap<>();
        published.forEach(r -> labels.put(r.period(), StatisticsPages.label(Period.parse(r.period(), "/period"), language)));
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", configurations.of(tenant));
        model.put("reports", published);
        model.put("labels", labels);
        model.put("when", new TenantTime(tenants.zoneOf(tenant)));
        int status = AuditHeadForm.of(seq, hash).check(heads, tenant, model);
        return PortalResource.remembering(Response.status(status).entity(pages.render("disclosures", model, language))
                .type(PortalResource.HTML).header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, "Accept-Language, Cookie"), lang);
    }
}
