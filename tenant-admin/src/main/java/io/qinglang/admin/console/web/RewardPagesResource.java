package io.qinglang.admin.console.web;

import io.qinglang.platform.rewards.application.RewardService;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A case's reward in the console: proposed by a handler or supervisor, approved or denied by another supervisor, and
 * once claimed, its payment details opened with a reason (shown once, audited) and its payment recorded. Bad input
 * and refusals come back on the case page, in the reward's form, with what was typed.
 */
@Path("/cases/{caseId}/rewards")
@RequestScoped
@Produces(ConsoleView.HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RewardPagesResource {

    private final RewardService rewards;
    private final CasePage casePage;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public RewardPagesResource(RewardService rewards, CasePage casePage, SignedIn signedIn, ConsoleView view) {
        this.rewards = rewards;
        this.casePage = casePage;
        this.signedIn = signedIn;
        this.view = view;
    }

    @POST
    @Path("/{step}")
    public Response step(@PathParam("caseId") UUID caseId, @PathParam("step") String step,
                         MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        signedIn.checkForm(form.getFirst(Csrf.FIELD));
        if (!RewardSteps.ALL.contains(step)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        signedIn.require(step.equals("propose") ? new String[]{"handler", "supervisor"} : new String[]{"supervisor"});
        String tenant = signedIn.tenant();
        String me = signedIn.session().username();
        String formStep = "reward-" + step;
        Map<String, String> typed = PostedForm.typed(form);
        try {
            switch (step) {
                case "propose" -> rewards.propose(tenant, caseId, new RewardService.Proposal(amount(typed.get("base")),
                        blankToNull(typed.get("note"))), me);
                case "answer" -> rewards.answer(tenant, caseId, new RewardService.Answer(approve(typed.get("approve")),
                        blankToNull(typed.get("reason"))), me);
                case "payment-details" -> {
                    RewardService.PaymentDetails details = rewards.paymentDetails(tenant, caseId,
                            blankToNull(typed.get("reason")), me);
                    return view.page("payment-details", Map.of("caseId", caseId, "details", details,
                            "reason", typed.get("reason").strip()), reader);
                }
                default -> rewards.recordPayment(tenant, caseId, new RewardService.Payment(blankToNull(typed.get("reference"))), me);
            }
            return Response.seeOther(UriBuilder.fromPath("/console/cases/{id}").queryParam("done", formStep)
                    .fragment("rewards").build(caseId)).build();
        } catch (InvalidInput e) {
            Map<String, String> errors = FieldMessages.of(e, CasePagesResource::field, view.texts(reader));
            return casePage.render(400, caseId, CasePage.StepForm.invalid(formStep, typed, errors), Map.of(), reader);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            return casePage.render(409, caseId, CasePage.StepForm.invalid(formStep, typed, Map.of("form", e.getMessage())),
                    Map.of(), reader);
        }
    }

    /** A reward step's answer asked for again (the language switch, a reload): the case page. */
    @GET
    @Path("/{step}")
    public Response answerAskedAgain(@PathParam("caseId") UUID caseId, @QueryParam("lang") String lang) {
        return CasePagesResource.backToTheCase(caseId, lang);
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("/base", "must be an amount");
        }
    }

    private static Boolean approve(String text) {
        return text == null ? null : Boolean.valueOf("true".equals(text));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
