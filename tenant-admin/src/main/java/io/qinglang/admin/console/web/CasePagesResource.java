package io.qinglang.admin.console.web;

import io.qinglang.platform.cases.application.CaseCommand;
import io.qinglang.platform.cases.application.CaseHandling;
import io.qinglang.platform.cases.application.CaseQueries;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.cases.application.EvidenceDownload;
import io.qinglang.platform.shared.application.LostRace;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case in the console: its summary, the reporter's words and files, the internal timeline, every stage's deadline,
 * duplicates and referral, and a form for each step its state allows. A form names the version the page was read at;
 * if the case changed meanwhile the page comes back saying so, with the changes and everything typed kept. Bad input
 * comes back with each field marked in the reader's language. The case is looked up in the signed-in member's body
 * only: another body's case is not found.
 */
@Path("/cases/{caseId}")
@RequestScoped
@Produces(ConsoleView.HTML)
public class CasePagesResource {

    private final CaseQueries queries;
    private final CaseHandling handling;
    private final CasePage casePage;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public CasePagesResource(CaseQueries queries, CaseHandling handling, CasePage casePage, SignedIn signedIn,
                             ConsoleView view) {
        this.queries = queries;
        this.handling = handling;
        this.casePage = casePage;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response show(@PathParam("caseId") UUID caseId, @QueryParam("done") String done, @BeanParam Reader reader) {
        signedIn.require("handler", "supervisor", "tenant-admin");
        boolean known = done != null && (CaseSteps.COMMANDS.containsKey(done)
                || done.startsWith("reward-") && RewardSteps.ALL.contains(done.substring(7)));
        return casePage.render(200, caseId, CasePage.StepForm.NONE, known ? Map.of("done", done) : Map.of(), reader);
    }

    /** A supervisor opens the reporter's identity, saying why; shown once, on a page never cached, and audited. */
    @POST
    @Path("/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response identity(@PathParam("caseId") UUID caseId, @FormParam(Csrf.FIELD) String csrf,
                             @FormParam("reason") String reason, @BeanParam Reader reader) {
        signedIn.checkForm(csrf);
        signedIn.require("supervisor");
        try {
            CaseViews.ReporterIdentity identity = queries.viewIdentity(signedIn.tenant(), caseId,
                    reason == null ? null : reason.strip(), signedIn.session().username());
            return view.page("identity", Map.of("caseId", caseId, "identity", identity, "reason", reason.strip(),
                    "who", fields(identity.identity()), "contact", fields(identity.contact())), reader);
        } catch (InvalidInput e) {
            Map<String, String> errors = FieldMessages.of(e, CasePagesResource::field, view.texts(reader));
            return casePage.render(400, caseId,
                    new CasePage.StepForm("identity", Map.of("reason", reason == null ? "" : reason), errors, null, List.of()),
                    Map.of(), reader);
        }
    }

    @POST
    @Path("/steps/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("caseId") UUID caseId, @PathParam("step") String step,
                         MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        signedIn.checkForm(form.getFirst(Csrf.FIELD));
        signedIn.require(CaseSteps.SUPERVISORS_ONLY.contains(step) ? new String[]{"supervisor"}
                : new String[]{"handler", "supervisor"});
        Class<? extends CaseCommand> type = CaseSteps.command(step);
        Map<String, String> typed = PostedForm.typed(form);
        long version = version(form.getFirst("version"));
        try {
            CaseCommand command = type.cast(FormBinding.bind(type, form));
            handling.act(signedIn.tenant(), caseId, version, signedIn.session().username(), command);
            return Response.seeOther(UriBuilder.fromPath("/console/cases/{id}").queryParam("done", step)
                    .fragment("timeline").build(caseId)).build();
        } catch (InvalidInput e) {
            Map<String, String> errors = FieldMessages.of(e, CasePagesResource::field, view.texts(reader));
            return casePage.render(400, caseId, CasePage.StepForm.invalid(step, typed, errors),
                    Map.of(), reader);
        } catch (ConcurrentUpdate e) {
            return stale(caseId, step, typed, form.getFirst("seen"), reader);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT && e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            return casePage.render(409, caseId,
                    new CasePage.StepForm(step, typed, Map.of("form", e.getMessage()), null, List.of()), Map.of(), reader);
        } catch (RuntimeException e) {
            if (!LostRace.is(e)) {
                throw e;
            }
            return stale(caseId, step, typed, form.getFirst("seen"), reader); // the other change committed first
        }
    }

    /** The case as it now stands, the form as typed, and what changed since the form's page was read. */
    private Response stale(UUID caseId, String step, Map<String, String> typed, String seen, Reader reader) {
        CaseViews.Detail now = casePage.detail(caseId);
        return casePage.render(409, now, new CasePage.StepForm(step, typed, Map.of(), "changed", changesSince(now, seen)),
                Map.of(), reader);
    }

    /**
     * The address a step's or an identity's answer was shown at, asked for again (the language switch, a reload):
     * the case page, since what a post showed is not shown twice.
     */
    @GET
    @Path("/{answer: steps/[a-z-]+|identity}")
    public Response answerAskedAgain(@PathParam("caseId") UUID caseId, @QueryParam("lang") String lang) {
        return backToTheCase(caseId, lang);
    }

    static Response backToTheCase(UUID caseId, String lang) {
        UriBuilder page = UriBuilder.fromPath("/console/cases/{id}");
        if (lang != null && lang.matches("[A-Za-z-]{2,10}")) {
            page.queryParam("lang", lang);
        }
        return Response.seeOther(page.build(caseId)).build();
    }

    @GET
    @Path("/files/{evidenceId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response file(@PathParam("caseId") UUID caseId, @PathParam("evidenceId") UUID evidenceId) {
        signedIn.require("handler", "supervisor");
        EvidenceDownload file = queries.evidence(signedIn.tenant(), caseId, evidenceId, signedIn.session().username());
        // the reporter's bytes are saved, never shown: a neutral type, an attachment, no sniffing, no scripts
        return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", file.attachment()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").header("Cache-Control", "no-store")
                .build();
    }

    /** The sealed identity or contact (a JSON object) as its fields, for the page to label; empty if none. */
    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (json != null) {
            try {
                JSON.readTree(json).properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                fields.put("text", json);
            }
        }
        return fields;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** What changed since the form's page was read: the timeline's entries after the last one it showed. */
    private static List<CaseViews.Entry> changesSince(CaseViews.Detail c, String seen) {
        List<CaseViews.Entry> timeline = c.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).id().toString().equals(seen)) {
                return timeline.subList(i + 1, timeline.size());
            }
        }
        return timeline;
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.of("/version", "the form does not say which version of the case it was made from");
        }
    }

    /** {@code /reason} → {@code reason}; {@code /actions/1} → {@code actions}. */
    static String field(String pointer) {
        String rest = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
