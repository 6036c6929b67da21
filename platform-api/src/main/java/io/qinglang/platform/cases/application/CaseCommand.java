package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.DecisionAction;
import io.qinglang.platform.cases.domain.Outcome;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.Severity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A step a member of staff takes on a case, as the request body states it. Each validates its own fields,
 * naming every wrong one by its JSON pointer, before anything is read or written.
 */
public sealed interface CaseCommand {

    int SHORT = 300;
    int LONG = 10_000;
    Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    void validate(InputErrors errors);

    /** Triage: within the remit. */
    record Accept(String note) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.optionalText("/note", note, LONG);
        }
    }

    /** Triage: outside the remit, with the reason and where else the reporter can go. */
    record Reject(String reason, String goElsewhere) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/reason", reason, LONG).optionalText("/goElsewhere", goElsewhere, SHORT);
        }
    }

    /**
     * Triage: handed to a named external body (e.g. the national 12377 centre, the police), or — with
     * {@code toTenant}, a body's slug on this platform — referred there, where the case is created in category
     * {@code toCategory}, with the reporter's identity only if {@code withIdentity} and they consented, and with
     * the sending body's deadline {@code dueBy} if it sets one (交办期限).
     */
    record Transfer(String body, String reason, String toTenant, String toCategory, Boolean withIdentity,
                    java.time.LocalDate dueBy) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/reason", reason, LONG);
            if (toTenant == null) {
                errors.text("/body", body, SHORT);
                if (toCategory != null || withIdentity != null || dueBy != null) {
                    errors.add("/toTenant", "is required with toCategory, withIdentity or dueBy");
                }
            } else {
                errors.optionalText("/body", body, SHORT).matches("/toTenant", toTenant, CODE, "must be a tenant's slug")
                        .text("/toCategory", toCategory, 40).matches("/toCategory", toCategory, CODE,
                                "must be a category code of the receiving body");
            }
        }

        public boolean referral() {
            return toTenant != null;
        }
    }

    /** To a department and/or a handler (their user name). */
    record Assign(String department, String assignee) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.optionalText("/department", department, 80).matches("/department", department, CODE,
                    "must be a department code: lower-case letters, digits and hyphens");
            errors.optionalText("/assignee", assignee, 255);
            if (department == null && assignee == null) {
                errors.add("/assignee", "is required when no department is given");
            }
        }
    }

    /** A question to the reporter, shown when they track the case. */
    record RequestInformation(String question) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/question", question, LONG);
        }
    }

    /** Staff stop waiting for the reporter's answer; paused clocks run again. */
    record StopWaiting(String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/reason", reason, LONG);
        }
    }

    /** What the reported party said when heard (internal). */
    record PartyStatement(String party, String statement) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/party", party, SHORT).text("/statement", statement, LONG);
        }
    }

    /** An internal note. */
    record Note(String text) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/text", text, LONG);
        }
    }

    /** Asks for the stage's extension under its policy's rule. */
    record RequestExtension(String stage, String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/stage", stage, 20).oneOf("/stage", stage, names(DeadlineStage.values()));
            errors.text("/reason", reason, LONG);
        }
    }

    /** A supervisor approves or denies a pending extension request. */
    record AnswerExtension(UUID requestId, Boolean approve, String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.required("/approve", approve).text("/reason", reason, LONG);
        }
    }

    /** A supervisor keeps the case whole past its retention (a court case, an authority's request), saying why. */
    record PlaceLegalHold(String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.reason("/reason", reason);
        }
    }

    /** A supervisor releases the legal hold, saying why: the case is purged once its retention has ended. */
    record ReleaseLegalHold(String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.reason("/reason", reason);
        }
    }

    /** Severity and urgency; raising either to major/urgent alerts the supervisors at once. */
    record Flag(String severity, Boolean urgent, String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/severity", severity, 20).oneOf("/severity", severity, names(Severity.values()));
            errors.required("/urgent", urgent).text("/reason", reason, LONG);
        }
    }

    /** The decision, with the statement of reasons the reporter will read. */
    record Decide(String outcome, List<String> actions, String legalBasis, String reasons) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/outcome", outcome, 30).oneOf("/outcome", outcome, names(Outcome.values()));
            if (actions == null || actions.isEmpty()) {
                errors.add("/actions", "must name at least one action (NO_ACTION if none was taken)");
            } else {
                List<String> allowed = names(DecisionAction.values());
                for (int i = 0; i < actions.size(); i++) {
                    errors.text("/actions/" + i, actions.get(i), 30).oneOf("/actions/" + i, actions.get(i), allowed);
                }
                if (new HashSet<>(actions).size() != actions.size()) {
                    errors.add("/actions", "must not name an action twice");
                }
            }
            errors.text("/legalBasis", legalBasis, LONG).text("/reasons", reasons, LONG);
        }
    }

    /** Feedback to the reporter; or, when it cannot be given, why (exactly one of the two). */
    record Feedback(String message, String impossibleBecause) implements CaseCommand {
        public void validate(InputErrors errors) {
            if ((message == null) == (impossibleBecause == null)) {
                errors.add("/message", "give either the feedback message or impossibleBecause, not both or neither");
            }
            errors.optionalText("/message", message, LONG).optionalText("/impossibleBecause", impossibleBecause, LONG);
            if (message != null && message.isBlank()) {
                errors.add("/message", "must not be blank");
            }
            if (impossibleBecause != null && impossibleBecause.isBlank()) {
                errors.add("/impossibleBecause", "must not be blank");
            }
        }
    }

    /** Closes a decided case. */
    record Close(String note) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.optionalText("/note", note, LONG);
        }
    }

    /** A different handler's review of an appeal: UPHOLD or REVERSE, with reasons the reporter reads. */
    record Review(String result, String reasons) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.text("/result", result, 10).oneOf("/result", result, List.of("UPHOLD", "REVERSE"));
            errors.text("/reasons", reasons, LONG);
        }
    }

    /** Merges this case, a duplicate, into a lead case. */
    record Merge(UUID leadCaseId, String reason) implements CaseCommand {
        public void validate(InputErrors errors) {
            errors.required("/leadCaseId", leadCaseId).optionalText("/reason", reason, LONG);
        }
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
