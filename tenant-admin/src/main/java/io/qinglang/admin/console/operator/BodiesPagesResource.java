package io.qinglang.admin.console.operator;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.console.web.SignedIn;
import io.qinglang.admin.onboarding.application.TenantAdministration;
import io.qinglang.admin.onboarding.application.TenantDepartures;
import io.qinglang.admin.onboarding.application.TenantSummary;
import io.qinglang.platform.shared.application.LostRace;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.domain.TenantStatusUnchanged;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies on the platform as the operator sees them: the list (names, slug, template, state, created, last
 * activity), and one body with its summary and a form to suspend or reactivate it, each with a required reason that
 * goes into the body's audit trail. A second suspension of a suspended body (a double click, another operator first)
 * comes back as the body's page saying nothing was changed (409), never an error.
 */
@Path("/platform")
@RequestScoped
@Produces(ConsoleView.HTML)
public class BodiesPagesResource {

    static final String OPERATOR = "platform-admin";
    static final List<String> NOTICES = List.of("suspended", "reactivated", "leaving", "staying", "invitation-sent",
            "invitation-not-sent");

    private final TenantAdministration administration;
    private final TenantDepartures departures;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public BodiesPagesResource(TenantAdministration administration, TenantDepartures departures, SignedIn signedIn,
                               ConsoleView view) {
        this.administration = administration;
        this.departures = departures;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response bodies(@BeanParam Reader reader) {
        signedIn.require(OPERATOR);
        return view.page("operator-bodies", Map.of("bodies", administration.overview()), reader);
    }

    @GET
    @Path("/bodies/{slug}")
    public Response body(@PathParam("slug") String slug, @QueryParam("done") String done, @BeanParam Reader reader) {
        signedIn.require(OPERATOR);
        Map<String, Object> model = new HashMap<>();
        if (done != null && NOTICES.contains(done)) {
            model.put("done", done);
            model.put("keep", "done=" + done);
        }
        return body(200, administration.get(slug), model, reader);
    }

    @POST
    @Path("/bodies/{slug}/{change: suspend|reactivate|leave|stay}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("slug") String slug, @PathParam("change") String change,
                           @FormParam(Csrf.FIELD) String csrf, @FormParam("reason") String reason,
                           @BeanParam Reader reader) {
        signedIn.checkForm(csrf);
        String operator = signedIn.require(OPERATOR).username();
        String typed = reason == null ? "" : reason;
        try {
            String done = switch (change) {
                case "suspend" -> {
                    administration.suspend(slug, typed, operator);
                    yield "suspended";
                }
                case "reactivate" -> {
                    administration.reactivate(slug, typed, operator);
                    yield "reactivated";
                }
                case "leave" -> {
                    departures.leave(slug, typed, operator);
                    yield "leaving";
                }
                default -> {
                    departures.stay(slug, typed, operator);
                    yield "staying";
                }
            };
            return Response.seeOther(UriBuilder.fromPath("/console/platform/bodies/{slug}")
                    .queryParam("done", done).build(slug)).build();
        } catch (InvalidInput e) {
            return body(400, administration.get(slug), Map.of("reason", typed, "failedChange", change,
                    "errors", FieldMessages.of(e, p -> "reason", view.texts(reader))), reader);
        } catch (TenantStatusUnchanged e) {
            return body(409, administration.get(slug), Map.of("unchanged", true), reader);
        } catch (RuntimeException e) {
            if (!LostRace.is(e)) {
                throw e;
            }
            return body(409, administration.get(slug), Map.of("unchanged", true), reader); // the other click won
        }
    }

    /** The address a change was posted to, asked for again (the language switch, a reload): the body's page. */
    @GET
    @Path("/bodies/{slug}/{change: suspend|reactivate|leave|stay}")
    public Response changeAskedAgain(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        UriBuilder page = UriBuilder.fromPath("/console/platform/bodies/{slug}");
        if (lang != null && lang.matches("[A-Za-z-]{2,10}")) {
            page.queryParam("lang", lang); // the language switch of the page the post answered
        }
        return Response.seeOther(page.build(slug)).build();
    }

    private Response body(int status, TenantSummary body, Map<String, Object> extra, Reader reader) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("body", body);
        model.putIfAbsent("errors", Map.of());
        model.put("graceDays", departures.graceDays());
        return view.page(status, "operator-body", model, reader);
    }
}
