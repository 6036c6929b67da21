package io.qinglang.portal.web;

import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.StaticAssets;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The public pages: the platform's front page listing the bodies that publish, and each body's landing page
 * (what can be reported and how, the deadlines it commits to, how reporters are protected, its rewards).
 */
@Path("/")
@RequestScoped
@PermitAll
@Produces(MediaType.TEXT_HTML + "; charset=UTF-8")
public class PortalResource {

    static final String HTML = MediaType.TEXT_HTML + "; charset=UTF-8";

    private final PortalPages pages;
    private final PublicConfigurations configurations;

    @Inject
    public PortalResource(PortalPages pages, PublicConfigurations configurations) {
        this.pages = pages;
        this.configurations = configurations;
    }

    @GET
    public Response front(@QueryParam("lang") String lang, @CookieParam(Language.COOKIE) String cookie,
                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, cookie, accept);
        return page("index", Map.of("tenants", configurations.publishing()), language, lang);
    }

    @GET
    @Path("/t/{tenant}")
    public Response landing(@PathParam("tenant") String tenant, @QueryParam("lang") String lang,
                            @CookieParam(Language.COOKIE) String cookie,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, cookie, accept);
        PublicConfiguration configuration = configurations.of(tenant);
        return page("landing", Map.of("tenant", configuration), language, lang);
    }

    @GET
    @Path("/static/{file: site\\.css|pow\\.js}")
    @Produces({"text/css; charset=UTF-8", "text/javascript; charset=UTF-8"})
    public Response asset(@PathParam("file") String file) {
        return file.equals("site.css") ? StaticAssets.stylesheet() : StaticAssets.file("/io/qinglang/portal/static/" + file);
    }

    /** A rendered page; a language chosen with the switch is remembered for the next pages. */
    private Response page(String name, Map<String, ?> model, Language language, String requested) {
        Response.ResponseBuilder response = Response.ok(pages.render(name, model, language), HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).header(HttpHeaders.VARY, "Accept-Language, Cookie");
        return remembering(response, requested);
    }

    /** The page, remembering a language chosen with the switch for the next pages (a form's answer among them). */
    static Response remembering(Response.ResponseBuilder page, String requested) {
        Language.remembered(requested).ifPresent(page::cookie);
        return page.build();
    }
}
