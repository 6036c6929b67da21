package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.TenantTime;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What every signed-in console page holds besides its own model: who is signed in ({@code me}), the form token
 * ({@code csrf}), times in the body's time zone ({@code when}), time left on deadlines ({@code left}); and the
 * rendered page with the headers a page of staff data needs (never cached, in the chosen language).
 */
@RequestScoped
public class ConsoleView {

    public static final String HTML = "text/html; charset=UTF-8";
    /** The operator's pages, which belong to no body, show times in China's zone. */
    public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

    private final ConsolePages pages;
    private final SignedIn signedIn;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Inject
    public ConsoleView(ConsolePages pages, SignedIn signedIn, TenantDirectory tenants, Clock clock) {
        this.pages = pages;
        this.signedIn = signedIn;
        this.tenants = tenants;
        this.clock = clock;
    }

    public Response page(int status, String name, Map<String, ?> model, Reader reader) {
        Language language = reader.language();
        ConsoleSession me = signedIn.session();
        Map<String, Object> all = new HashMap<>(model);
        all.put("me", me);
        all.put("csrf", me.csrfToken());
        all.put("when", new TenantTime(me.tenant() == null ? PLATFORM_ZONE : tenants.zoneOf(me.tenant())));
        all.put("left", new TimeLeft(clock.instant(), pages.messages().of(language)));
        Response.ResponseBuilder page = Response.status(status).type(HTML).entity(pages.render(name, all, language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).header("Cache-Control", "no-store");
        if (reader.remembered() != null) {
            page.cookie(reader.remembered());
        }
        return page.build();
    }

    public Response page(String name, Map<String, ?> model, Reader reader) {
        return page(200, name, model, reader);
    }

    /** The texts of the reader's language, for messages made outside a template. */
    public Map<String, String> texts(Reader reader) {
        return pages.messages().of(reader.language());
    }
}
