package io.qinglang.platform.cases.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.cases.domain.Decision;
import io.qinglang.platform.cases.domain.ExtensionRequest;
import io.qinglang.platform.cases.domain.Outcome;
import io.qinglang.platform.cases.domain.Referral;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.shared.domain.Severity;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;

/**
 * Every step staff take on a case (DESIGN.md "The case lifecycle"), each in one transaction: the case's
 * change, its timeline entry, its stage deadlines and its audit event are written together or not at all.
 * A step names the case version it was made against; if the case has moved on since, it is refused with 409,
 * and of two steps racing on the same version only one commits (the other fails on the version column).
 */
@ApplicationScoped
public class CaseHandling {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CaseHandling.class.getName());

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final CaseRepository cases;
    private final CaseDeadlines deadlines;
    private final CaseQueries queries;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final CalendarGaps calendarGaps;
    private final Referrals referrals;
    private final Assignees assignees;
    private final Clock clock;
    private final ObjectMapper json;

    @Inject
    public CaseHandling(TenantTransactions transactions, TenantDirectory tenants, CaseRepository cases,
                        CaseDeadlines deadlines, CaseQueries queries, AuditTrail audit, Notifier notifier,
                        CalendarGaps calendarGaps, Referrals referrals, Assignees assignees, Clock clock,
                        ObjectMapper json) {
        this.assignees = assignees;
        this.referrals = referrals;
        this.calendarGaps = calendarGaps;
        this.notifier = notifier;
        this.transactions = transactions;
        this.tenants = tenants;
        this.cases = cases;
        this.deadlines = deadlines;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** Takes {@code command} on the case as {@code staff}, provided the case is still at {@code expectedVersion}. */
    public CaseViews.Detail act(String tenantSlug, UUID caseId, long expectedVersion, String staff,
                                CaseCommand given) {
        InputErrors errors = new InputErrors();
        given.validate(errors);
        errors.throwIfAny();
        Tenant tenant = tenants.require(tenantSlug);
        // an assignee named by account id or user name is kept as the user name
        CaseCommand command = given instanceof CaseCommand.Assign assign && assign.assignee() != null
                ? new CaseCommand.Assign(assign.department(), assignees.username(tenant, assign.assignee()))
                : given;
        Referral referral = command instanceof CaseCommand.Transfer t && t.referral() ? referrals.prepare(tenant, t) : null;
        CaseQueries.Loaded loaded = transactions.inTenant(tenant.id(), () -> {
            Case c = queries.require(caseId);
            if (c.version() != expectedVersion) {
                throw new ConcurrentUpdate("case", expectedVersion, c.version());
            }
            Step step = new Step(tenant, c, staff, clock.instant().truncatedTo(ChronoUnit.MICROS),
                    new CaseClock(deadlines.rules(tenant), cases, c));
            switch (command) {
                case CaseCommand.Accept a -> accept(step, a);
                case CaseCommand.Reject r -> reject(step, r);
                case CaseCommand.Transfer t -> transfer(step, t, referral);
                case CaseCommand.Assign a -> assign(step, a);
                case CaseCommand.RequestInformation r -> requestInformation(step, r);
                case CaseCommand.StopWaiting s -> stopWaiting(step, s);
                case CaseCommand.PartyStatement p -> partyStatement(step, p);
                case CaseCommand.Note n -> note(step, n);
                case CaseCommand.RequestExtension r -> requestExtension(step, r);
                case CaseCommand.AnswerExtension a -> answerExtension(step, a);
                case CaseCommand.Flag f -> flag(step, f);
                case CaseCommand.Decide d -> decide(step, d);
                case CaseCommand.Feedback f -> feedback(step, f);
                case CaseCommand.Close cl -> close(step, cl);
                case CaseCommand.Review r -> review(step, r);
                case CaseCommand.Merge m -> merge(step, m);
                case CaseCommand.PlaceLegalHold h -> placeLegalHold(step, h);
                case CaseCommand.ReleaseLegalHold r -> releaseLegalHold(step, r);
            }
            calendarGaps.warnIfNeeded(tenant, c, step.clock, step.now);
            cases.flush();
            return queries.loaded(c);
        });
        if (referral != null) {
            try {
                referrals.deliver(tenant.id(), new CaseId(caseId));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Referral of case " + caseId + " not delivered at once; the background job "
                        + "delivers it", e);
            }
            return queries.detail(tenantSlug, caseId);
        }
        return queries.complete(loaded);
    }

    private void accept(Step s, CaseCommand.Accept command) {
        s.c.accept(s.now);
        s.clock.complete(CaseClock.TRIAGE, s.now);
        if (s.clock.hasPolicy(DeadlineStage.DECIDE)) {
            s.clock.start(DeadlineStage.DECIDE, s.now);
        } else {
            s.clock.start(DeadlineStage.FEEDBACK, s.now);
        }
        s.event(CaseEventType.ACCEPTED, true, null);
        if (command.note() != null) {
            s.event(CaseEventType.NOTE, false, command.note());
        }
        s.audit("CASE_ACCEPTED", null, Map.of());
    }

    private void reject(Step s, CaseCommand.Reject command) {
        s.c.reject(command.reason().strip(), strip(command.goElsewhere()), s.now);
        s.clock.completeAll(s.now);
        s.event(CaseEventType.REJECTED, true, command.reason().strip());
        s.tellReporter();
        s.audit("CASE_REJECTED", command.reason().strip(), details("goElsewhere", command.goElsewhere()));
    }

    private void transfer(Step s, CaseCommand.Transfer command, Referral referral) {
        String reason = command.reason().strip();
        if (referral != null) {
            s.c.referTo(referral, reason, s.now);
        } else {
            s.c.transfer(command.body().strip(), reason, s.now);
        }
        String body = s.c.referredTo().orElseThrow();
        s.clock.completeAll(s.now);
        s.event(CaseEventType.TRANSFERRED, true, body);
        s.tellReporter();
        s.event(CaseEventType.NOTE, false, reason);
        s.audit("CASE_TRANSFERRED", reason, details("to", body, "toTenant", command.toTenant(),
                "withIdentity", referral == null ? null : String.valueOf(referral.withIdentity())));
    }

    private void assign(Step s, CaseCommand.Assign command) {
        if (command.department() != null) {
            assignees.requireDepartment(command.department().strip());
        }
        s.c.assign(strip(command.department()), strip(command.assignee()), s.now);
        s.event(CaseEventType.ASSIGNED, false, describe(command.department(), command.assignee()));
        s.audit("CASE_ASSIGNED", null, details("department", command.department(), "assignee", command.assignee()));
    }

    private void requestInformation(Step s, CaseCommand.RequestInformation command) {
        s.c.requestInformation(s.now);
        s.clock.pause(s.now);
        s.event(CaseEventType.INFORMATION_REQUESTED, true, command.question().strip());
        s.tellReporter();
        s.audit("INFORMATION_REQUESTED", null, Map.of());
    }

    private void stopWaiting(Step s, CaseCommand.StopWaiting command) {
        if (s.c.stopWaiting(s.now).isEmpty()) {
            throw CaseRuleViolation.conflict("NOT_WAITING", "Case " + s.c.reference() + " is not waiting for the reporter.");
        }
        s.clock.resume(s.now);
        s.event(CaseEventType.CLOCK_RESUMED, false, command.reason().strip());
        s.audit("WAITING_STOPPED", command.reason().strip(), Map.of());
    }

    private void partyStatement(Step s, CaseCommand.PartyStatement command) {
        requireOpen(s.c);
        s.c.touched(s.now);
        s.event(CaseEventType.PARTY_STATEMENT, false, command.party().strip() + ": " + command.statement().strip());
        s.audit("PARTY_STATEMENT_RECORDED", null, Map.of());
    }

    private void note(Step s, CaseCommand.Note command) {
        s.c.touched(s.now);
        s.event(CaseEventType.NOTE, false, command.text().strip());
        s.audit("NOTE_ADDED", null, Map.of());
    }

    private void requestExtension(Step s, CaseCommand.RequestExtension command) {
        DeadlineStage stage = DeadlineStage.valueOf(command.stage());
        CaseDeadline deadline = s.clock.running(stage).orElseThrow(() -> CaseRuleViolation.conflict(
                "NO_RUNNING_DEADLINE", "The " + stage + " stage of case " + s.c.reference() + " is not running."));
        if (deadline.extension().isEmpty()) {
            throw CaseRuleViolation.conflict("NO_EXTENSION_RULE", "The tenant's " + stage
                    + " policy allows no extension.");
        }
        if (deadline.extended()) {
            throw CaseRuleViolation.conflict("ALREADY_EXTENDED", "The " + stage + " deadline was already extended.");
        }
        if (cases.extensionRequests(s.c.id()).stream().anyMatch(r -> r.deadlineId().equals(deadline.id())
                && r.status() == ExtensionRequest.Status.PENDING)) {
            throw CaseRuleViolation.conflict("EXTENSION_PENDING", "An extension of the " + stage
                    + " deadline is already waiting for a supervisor.");
        }
        s.c.touched(s.now);
        String reason = command.reason().strip();
        if (deadline.extensionNeedsApproval()) {
            cases.add(new ExtensionRequest(deadline, reason, s.staff, s.now));
            s.event(CaseEventType.EXTENSION_REQUESTED, false, stage + ": " + reason);
            s.audit("EXTENSION_REQUESTED", reason, details("stage", stage.name()));
        } else {
            s.clock.extend(deadline, s.now);
            s.event(CaseEventType.EXTENSION_APPROVED, false, stage + " → " + deadline.dueDate() + ": " + reason);
            s.audit("EXTENSION_APPLIED", reason, details("stage", stage.name(), "dueAt", deadline.dueAt().toString()));
        }
    }

    private void answerExtension(Step s, CaseCommand.AnswerExtension command) {
        ExtensionRequest request = cases.extensionRequest(s.c.id(), command.requestId()).orElseThrow(
                () -> new NotFound("EXTENSION_REQUEST_NOT_FOUND", "No such extension request on this case."));
        String reason = command.reason().strip();
        request.answer(command.approve(), s.staff, reason, s.now);
        s.c.touched(s.now);
        if (command.approve()) {
            CaseDeadline deadline = s.clock.running(request.stage()).filter(d -> d.id().equals(request.deadlineId()))
                    .orElseThrow(() -> CaseRuleViolation.conflict("NO_RUNNING_DEADLINE",
                            "The " + request.stage() + " stage this request was for has ended."));
            s.clock.extend(deadline, s.now);
            s.event(CaseEventType.EXTENSION_APPROVED, false, request.stage() + " → " + deadline.dueDate() + ": " + reason);
            s.audit("EXTENSION_APPROVED", reason, details("stage", request.stage().name(), "dueAt",
                    deadline.dueAt().toString()));
        } else {
            s.event(CaseEventType.EXTENSION_DENIED, false, request.stage() + ": " + reason);
            s.audit("EXTENSION_DENIED", reason, details("stage", request.stage().name()));
        }
    }

    private void placeLegalHold(Step s, CaseCommand.PlaceLegalHold command) {
        String reason = command.reason().strip();
        s.c.placeOnLegalHold(reason, s.staff, s.now);
        s.event(CaseEventType.LEGAL_HOLD_PLACED, false, reason);
        s.audit("LEGAL_HOLD_PLACED", reason, Map.of());
    }

    private void releaseLegalHold(Step s, CaseCommand.ReleaseLegalHold command) {
        String reason = command.reason().strip();
        s.c.releaseLegalHold();
        s.event(CaseEventType.LEGAL_HOLD_RELEASED, false, reason);
        s.audit("LEGAL_HOLD_RELEASED", reason, Map.of());
    }

    private void flag(Step s, CaseCommand.Flag command) {
        Severity severity = Severity.valueOf(command.severity());
        boolean raised = (severity.major() && !s.c.severity().major()) || (command.urgent() && !s.c.urgent());
        s.c.flag(severity, command.urgent(), s.now);
        if (raised) {
            String reference = s.c.reference().value();
            notifier.staff(s.c.id().value(), "MAJOR_CASE", Audience.SUPERVISORS, null,
                    "【重大/紧急 Major or urgent】" + reference,
                    "案件 " + reference + " 被标记为 " + severity + (command.urgent() ? "、紧急" : "") + "，请及时处理。\n"
                            + "Case " + reference + " was flagged " + severity + (command.urgent() ? ", urgent" : "")
                            + "; please see to it now.\n", s.now);
        }
        String reason = command.reason().strip();
        s.event(CaseEventType.FLAGGED, false, severity + (command.urgent() ? ", urgent" : "") + ": " + reason);
        s.audit("CASE_FLAGGED", reason, details("severity", severity.name(), "urgent", command.urgent().toString()));
    }

    private void decide(Step s, CaseCommand.Decide command) {
        Outcome outcome = Outcome.valueOf(command.outcome());
        s.c.decide(outcome, s.staff, s.now);
        cases.add(new Decision(s.c.id(), outcome, command.actions(), command.legalBasis().strip(),
                command.reasons().strip(), s.staff, s.now));
        s.clock.complete(Set.of(DeadlineStage.DECIDE), s.now);
        s.clock.resume(s.now);
        s.event(CaseEventType.DECIDED, true, command.reasons().strip());
        s.audit("CASE_DECIDED", null, details("outcome", outcome.name(), "actions", String.join(",", command.actions())));
        boolean feedbackWithDecision = s.clock.running(DeadlineStage.FEEDBACK).isEmpty()
                && s.clock.start(DeadlineStage.FEEDBACK, s.now).filter(d -> !d.open()).isPresent();
        if (feedbackWithDecision) {
            // An instant feedback stage: the decision's statement of reasons is the feedback.
            s.c.feedbackGiven(s.now);
            s.clock.start(DeadlineStage.APPEAL_WINDOW, s.now);
            s.tellReporter();
        }
    }

    private void feedback(Step s, CaseCommand.Feedback command) {
        if (command.message() != null) {
            s.c.feedbackGiven(s.now);
            s.event(CaseEventType.FEEDBACK_SENT, true, command.message().strip());
            s.tellReporter();
            s.audit("FEEDBACK_SENT", null, Map.of());
        } else {
            s.c.feedbackImpossible(command.impossibleBecause().strip(), s.now);
            s.event(CaseEventType.FEEDBACK_IMPOSSIBLE, false, command.impossibleBecause().strip());
            s.audit("FEEDBACK_IMPOSSIBLE", command.impossibleBecause().strip(), Map.of());
        }
        s.clock.complete(Set.of(DeadlineStage.FEEDBACK), s.now);
        s.clock.start(DeadlineStage.APPEAL_WINDOW, s.now);
    }

    private void close(Step s, CaseCommand.Close command) {
        s.c.close(s.now);
        s.event(CaseEventType.CLOSED, true, null);
        if (command.note() != null) {
            s.event(CaseEventType.NOTE, false, command.note());
        }
        s.audit("CASE_CLOSED", null, Map.of());
    }

    private void review(Step s, CaseCommand.Review command) {
        String reasons = command.reasons().strip();
        if (command.result().equals("UPHOLD")) {
            s.c.upholdOnReview(s.staff, s.now);
            s.clock.complete(Set.of(DeadlineStage.REVIEW), s.now);
            s.event(CaseEventType.REVIEW_UPHELD, true, reasons);
            s.tellReporter();
            s.audit("APPEAL_UPHELD", reasons, Map.of());
        } else {
            s.c.reverseOnReview(s.staff, s.now);
            s.clock.complete(Set.of(DeadlineStage.REVIEW), s.now);
            // handled again: a new decision deadline, or, for a tenant without one, a new feedback deadline
            s.clock.start(s.clock.hasPolicy(DeadlineStage.DECIDE) ? DeadlineStage.DECIDE : DeadlineStage.FEEDBACK, s.now);
            s.event(CaseEventType.REVIEW_REVERSED, true, reasons);
            s.tellReporter();
            s.audit("APPEAL_REVERSED", reasons, Map.of());
        }
    }

    private void merge(Step s, CaseCommand.Merge command) {
        Case lead = cases.find(new CaseId(command.leadCaseId())).orElseThrow(
                () -> new NotFound("LEAD_CASE_NOT_FOUND", "No such lead case in this tenant."));
        s.c.mergeInto(lead, s.now);
        lead.tookIn(s.now);
        for (Case duplicate : cases.mergedInto(s.c.id())) {
            // this case led duplicates of its own: they now follow the new lead
            duplicate.followLead(lead, s.now);
            s.event(lead.id(), CaseEventType.DUPLICATE_MERGED, false,
                    duplicate.reference().value() + " (" + s.c.reference().value() + ")");
        }
        s.clock.completeAll(s.now);
        s.event(CaseEventType.MERGED, true, lead.reference().value());
        s.event(lead.id(), CaseEventType.DUPLICATE_MERGED, false,
                s.c.reference().value() + (command.reason() == null ? "" : ": " + command.reason().strip()));
        s.audit("CASE_MERGED", strip(command.reason()), details("lead", lead.id().toString()));
    }

    private static void requireOpen(Case c) {
        if (!c.status().open()) {
            throw CaseRuleViolation.conflict("CASE_FINISHED", "Case " + c.reference() + " is " + c.status() + ".");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String describe(String department, String assignee) {
        return (department == null ? "" : department) + (department != null && assignee != null ? " / " : "")
                + (assignee == null ? "" : assignee);
    }

    /** Audit details from name/value pairs, leaving out absent values. */
    private static Map<String, String> details(String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put(pairs[i], pairs[i + 1].strip());
            }
        }
        return details;
    }

    /** One step in progress: who takes it, on which case, at what moment, with the case's clock. */
    private final class Step {
        final Tenant tenant;
        final Case c;
        final String staff;
        final Instant now;
        final CaseClock clock;
        private int entries;

        Step(Tenant tenant, Case c, String staff, Instant now, CaseClock clock) {
            this.tenant = tenant;
            this.c = c;
            this.staff = staff;
            this.now = now;
            this.clock = clock;
        }

        /** A timeline entry; entries of one step are a microsecond apart, so the timeline keeps their order. */
        void event(CaseEventType type, boolean reporterVisible, String message) {
            event(c.id(), type, reporterVisible, message);
        }

        void event(CaseId on, CaseEventType type, boolean reporterVisible, String message) {
            cases.add(CaseEvent.byStaff(on, type, staff, reporterVisible, message, now.plusNanos(1_000L * entries++)));
        }

        /** A notice (never the content) to the reporter's e-mail, if they left one. */
        void tellReporter() {
            notifier.reporter(tenant, c.id().value(), c.reference().value(), c.sealedContact().orElse(null), now);
        }

        void audit(String action, String reason, Map<String, String> details) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("reference", c.reference().value());
            all.put("status", c.status().name());
            all.putAll(details);
            audit.record(tenant.id(), new AuditRecord("STAFF", staff, action, "CASE", c.id().toString(), reason,
                    toJson(all)));
        }
    }

    private String toJson(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
