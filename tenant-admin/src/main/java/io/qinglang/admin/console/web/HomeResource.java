package io.qinglang.admin.console.web;

import io.qinglang.platform.cases.application.CaseQueues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The console's start: the member of staff's queues with their counts — mine, unassigned, due within 24 hours,
 * overdue, waiting for the reporter, urgent or major, appeals to review, and for supervisors the extension requests
 * and rewards waiting for their answer. Each leads to the case list with the same filters, so the two agree.
 */
@Path("/")
@RequestScoped
@Produces(ConsoleView.HTML)
public class HomeResource {

    private final CaseQueues queues;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public HomeResource(CaseQueues queues, SignedIn signedIn, ConsoleView view) {
        this.queues = queues;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response home(@BeanParam Reader reader) {
        if (signedIn.session().tenant() == null) {
            return Response.seeOther(java.net.URI.create("/console/platform")).build(); // the operator's start
        }
        var me = signedIn.require("handler", "supervisor", "tenant-admin");
        return view.page("queues", Map.of("queues", queues.forStaff(me.tenant(), me.username(), me.has("supervisor"))),
                reader);
    }
}
