package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.platform.cases.application.CaseCommand;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.shared.domain.NotFound;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The handling steps the case page offers, each a form posted to {@code /console/cases/{id}/steps/{name}} that makes
 * the API's command of the same name. {@link #allowed} offers exactly the steps the case's state allows (the domain
 * still refuses any other: this only keeps forms that cannot succeed off the page).
 */
final class CaseSteps {

    static final Map<String, Class<? extends CaseCommand>> COMMANDS = new LinkedHashMap<>();
    /** The steps only a supervisor takes. */
    static final Set<String> SUPERVISORS_ONLY = Set.of("answer-extension", "legal-hold", "release-legal-hold");

    static {
        COMMANDS.put("accept", CaseCommand.Accept.class);
        COMMANDS.put("reject", CaseCommand.Reject.class);
        COMMANDS.put("transfer", CaseCommand.Transfer.class);
        COMMANDS.put("assign", CaseCommand.Assign.class);
        COMMANDS.put("request-information", CaseCommand.RequestInformation.class);
        COMMANDS.put("stop-waiting", CaseCommand.StopWaiting.class);
        COMMANDS.put("party-statement", CaseCommand.PartyStatement.class);
        COMMANDS.put("note", CaseCommand.Note.class);
        COMMANDS.put("request-extension", CaseCommand.RequestExtension.class);
        COMMANDS.put("answer-extension", CaseCommand.AnswerExtension.class);
        COMMANDS.put("flag", CaseCommand.Flag.class);
        COMMANDS.put("decide", CaseCommand.Decide.class);
        COMMANDS.put("feedback", CaseCommand.Feedback.class);
        COMMANDS.put("close", CaseCommand.Close.class);
        COMMANDS.put("review", CaseCommand.Review.class);
        COMMANDS.put("merge", CaseCommand.Merge.class);
        COMMANDS.put("legal-hold", CaseCommand.PlaceLegalHold.class);
        COMMANDS.put("release-legal-hold", CaseCommand.ReleaseLegalHold.class);
    }

    private CaseSteps() {
    }

    static Class<? extends CaseCommand> command(String step) {
        Class<? extends CaseCommand> type = COMMANDS.get(step);
        if (type == null) {
            throw new NotFound("STEP_NOT_FOUND", "No such step.");
        }
        return type;
    }

    /** The steps this member of staff can take on the case as it stands. */
    static Set<String> allowed(CaseViews.Detail c, ConsoleSession me) {
        Set<String> steps = new LinkedHashSet<>();
        if (!me.hasAny("handler", "supervisor")) {
            return steps;
        }
        String status = c.summary().status();
        boolean waiting = c.summary().waitingForReporter();
        boolean handling = Set.of("RECEIVED", "ACCEPTED", "IN_PROGRESS", "APPEALED").contains(status);
        if (status.equals("RECEIVED")) {
            steps.add("accept");
            steps.add("reject");
            steps.add("transfer");
        }
        if (handling) {
            steps.add("assign");
            steps.add(waiting ? "stop-waiting" : "request-information");
            steps.add("party-statement");
            if (c.deadlines().stream().anyMatch(d -> d.completedAt() == null && !d.extended())) {
                steps.add("request-extension");
            }
            steps.add("flag");
        }
        if (status.equals("IN_PROGRESS")) {
            steps.add("decide");
        }
        if (status.equals("DECIDED")) {
            boolean recorded = c.handling().feedbackAt() != null || c.handling().feedbackImpossibleReason() != null;
            steps.add(recorded ? "close" : "feedback");
        }
        if (status.equals("APPEALED") && !me.username().equals(c.handling().decidedBy())) {
            steps.add("review");
        }
        if (Set.of("RECEIVED", "ACCEPTED", "IN_PROGRESS").contains(status)) {
            steps.add("merge");
        }
        if (me.has("supervisor") && c.extensionRequests().stream().anyMatch(e -> e.status().equals("PENDING"))) {
            steps.add("answer-extension");
        }
        if (me.has("supervisor") && c.handling().purgedAt() == null) {
            steps.add(c.handling().legalHold() == null ? "legal-hold" : "release-legal-hold");
        }
        steps.add("note");
        return steps;
    }
}
