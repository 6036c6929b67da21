package io.qinglang.admin.console.operator;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.console.web.SignedIn;
import io.qinglang.admin.health.application.PlatformHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The platform's health: the database, Keycloak and the mail servers, each asked with a short timeout and timed, and
 * each background job's last run on this node, its outcome and the work waiting for it. A check that fails is a
 * problem shown on the page, never an error page.
 */
@Path("/platform/health")
@RequestScoped
@Produces(ConsoleView.HTML)
public class HealthPagesResource {

    private final PlatformHealth health;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public HealthPagesResource(PlatformHealth health, SignedIn signedIn, ConsoleView view) {
        this.health = health;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response health(@BeanParam Reader reader) {
        signedIn.require(BodiesPagesResource.OPERATOR);
        return view.page("operator-health", Map.of("health", health.report()), reader);
    }
}
