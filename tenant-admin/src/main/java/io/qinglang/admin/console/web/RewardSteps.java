package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.rewards.application.RewardService;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reward steps the case page offers: a handler or supervisor proposes a reward for a substantiated decision; a
 * supervisor other than the proposer approves or denies it; once the reporter has claimed it, a supervisor opens the
 * payment details (with a reason, audited) and records the payment. The reward service still refuses anything else.
 */
final class RewardSteps {

    static final Set<String> ALL = Set.of("propose", "answer", "payment-details", "payment");

    private RewardSteps() {
    }

    static Set<String> allowed(CaseViews.Detail c, List<RewardService.RewardView> rewards, ConsoleSession me) {
        Set<String> steps = new LinkedHashSet<>();
        String outcome = c.handling().outcome();
        boolean substantiated = "SUBSTANTIATED".equals(outcome) || "PARTLY_SUBSTANTIATED".equals(outcome);
        boolean decided = Set.of("DECIDED", "CLOSED").contains(c.summary().status());
        RewardService.RewardView current = rewards.stream().filter(r -> !r.status().equals("DENIED")).findFirst()
                .orElse(null);
        if (me.hasAny("handler", "supervisor") && decided && substantiated && current == null) {
            steps.add("propose");
        }
        if (current != null && me.has("supervisor")) {
            if (current.status().equals("PROPOSED") && !me.username().equals(current.proposedBy())) {
                steps.add("answer");
            }
            if (current.status().equals("CLAIMED")) {
                steps.add("payment-details");
                steps.add("payment");
            }
        }
        return steps;
    }
}
