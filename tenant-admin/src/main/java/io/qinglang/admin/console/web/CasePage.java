package io.qinglang.admin.console.web;

import io.qinglang.platform.cases.application.Assignees;
import io.qinglang.platform.cases.application.CaseQueries;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.cases.domain.DecisionAction;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.rewards.application.RewardService;
import io.qinglang.platform.shared.domain.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The case page as it stands now, read from the signed-in member's body only, with one form shown again (its values
 * as typed, its errors, or the changes that made it stale) when a post did not go through.
 */
@RequestScoped
public class CasePage {

    private final CaseQueries queries;
    private final RewardService rewards;
    private final Assignees assignees;
    private final PublicConfigurations configurations;
    private final SignedIn signedIn;
    private final ConsoleView view;

    /** A form shown again: its values as typed, its errors by field, and why ({@code changed}: a stale form). */
    public record StepForm(String step, Map<String, String> values, Map<String, String> errors, String notice,
                           List<CaseViews.Entry> changes) {
        static final StepForm NONE = new StepForm(null, Map.of(), Map.of(), null, List.of());

        static StepForm invalid(String step, Map<String, String> values, Map<String, String> errors) {
            return new StepForm(step, values, errors, null, List.of());
        }
    }

    @Inject
    public CasePage(CaseQueries queries, RewardService rewards, Assignees assignees,
                    PublicConfigurations configurations, SignedIn signedIn, ConsoleView view) {
        this.queries = queries;
        this.rewards = rewards;
        this.assignees = assignees;
        this.configurations = configurations;
        this.signedIn = signedIn;
        this.view = view;
    }

    public CaseViews.Detail detail(UUID caseId) {
        return queries.detail(signedIn.tenant(), caseId);
    }

    public Response render(int status, UUID caseId, StepForm form, Map<String, String> extra, Reader reader) {
        return render(status, detail(caseId), form, extra, reader);
    }

    public Response render(int status, CaseViews.Detail c, StepForm form, Map<String, String> extra, Reader reader) {
        Map<String, Object> model = new HashMap<>(extra);
        Set<String> steps = CaseSteps.allowed(c, signedIn.session());
        model.put("c", c);
        model.put("steps", steps);
        model.put("form", form);
        model.put("actions", Arrays.stream(DecisionAction.values()).map(Enum::name).toList());
        model.put("configuration", configurations.of(signedIn.tenant()));
        model.put("rewards", rewards.rewards(signedIn.tenant(), c.summary().id()));
        model.put("rewardSteps", RewardSteps.allowed(c, rewardsOf(model), signedIn.session()));
        if (steps.contains("assign")) {
            try {
                model.put("assignees", assignees.options(signedIn.tenant()));
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.UNAVAILABLE) {
                    throw e;
                }
                // the staff list lives at the identity provider: without it the page still works, assignment waits
                model.put("assignees", new Assignees.Options(List.of(), List.of()));
                model.put("assigneesUnavailable", true);
            }
        }
        return view.page(status, "case", model, reader);
    }

    @SuppressWarnings("unchecked")
    private static List<RewardService.RewardView> rewardsOf(Map<String, Object> model) {
        return (List<RewardService.RewardView>) model.get("rewards");
    }
}
