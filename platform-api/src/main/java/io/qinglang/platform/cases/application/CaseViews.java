package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.Decision;
import io.qinglang.platform.cases.domain.ExtensionRequest;
import io.qinglang.platform.cases.domain.LegalHold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How staff see cases: a summary in lists, the detail with the full internal timeline. */
public final class CaseViews {

    private CaseViews() {
    }

    /**
     * One case in a list, with the stage staff are working against ({@link CaseDeadline#runningStage}; absent when
     * none runs, as for a closed case).
     */
    public record Summary(UUID id, String reference, String status, String channel, String category,
                          String subjectType, String subject, String severity, boolean urgent, String anonymity,
                          String department, String assignee, boolean waitingForReporter, Instant receivedAt,
                          Instant acknowledgeBy, RunningStage runningStage) {
        static Summary of(Case c, Optional<CaseDeadline> running) {
            return new Summary(c.id().value(), c.reference().value(), c.status().name(), c.channelCode(),
                    c.categoryCode(), c.subject().type().name(), c.subject().value(), c.severity().name(), c.urgent(),
                    c.anonymity().name(), c.department().orElse(null), c.assignee().orElse(null),
                    c.waitingSince().isPresent(), c.receivedAt(), c.acknowledgeDueAt(),
                    running.map(RunningStage::of).orElse(null));
        }
    }

    /** A running stage: its name, when it falls due, and whether its clock stands still while the reporter is asked. */
    public record RunningStage(String stage, Instant dueAt, boolean paused) {
        static RunningStage of(CaseDeadline d) {
            return new RunningStage(d.stage().name(), d.dueAt(), d.pausedAt().isPresent());
        }
    }

    /** A page of the list and the cursor of the next (absent on the last page). */
    public record Page(List<Summary> items, String nextCursor) {
    }

    /**
     * One case with everything staff may see without opening the reporter's identity. {@code version} is what
     * the next change must name (also sent as the ETag).
     */
    public record Detail(Summary summary, long version, String description, boolean reporterIdentityOnFile,
                         boolean calendarIncomplete, Handling handling, List<StageDeadline> deadlines,
                         List<DecisionView> decisions, List<Extension> extensionRequests, UUID leadCaseId,
                         List<Duplicate> duplicates, List<Entry> timeline, ReferralStatus referral,
                         ReferredFrom referredFrom) {

        Detail withReferral(ReferralStatus status, ReferredFrom from) {
            return new Detail(summary, version, description, reporterIdentityOnFile, calendarIncomplete, handling,
                    deadlines, decisions, extensionRequests, leadCaseId, duplicates, timeline, status, from);
        }
    }

    /**
     * A case referred to another body on the platform, as it stands there: delivered yet, its reference, state and
     * standing decision.
     */
    public record ReferralStatus(String to, boolean delivered, String reference, String status, String outcome,
                                 String reasons, Instant decidedAt) {
    }

    /** The body on the platform that referred (or assigned) this case, and its reference there. */
    public record ReferredFrom(String body, String reference) {
    }

    /**
     * Where handling stands: who received and holds the case, triage and decision facts, the legal hold it is on and
     * when its personal data was purged (both null if not).
     */
    public record Handling(String firstReceiver, String department, String assignee, Instant waitingSince,
                           String dispositionReason, String referredTo, String outcome, String decidedBy,
                           Instant feedbackAt, String feedbackImpossibleReason, Instant closedAt,
                           LegalHold legalHold, Instant purgedAt) {
        static Handling of(Case c) {
            return new Handling(c.firstReceiver().orElse(null), c.department().orElse(null),
                    c.assignee().orElse(null), c.waitingSince().orElse(null), c.dispositionReason().orElse(null),
                    c.referredTo().orElse(null), c.outcome().map(Enum::name).orElse(null),
                    c.decidedBy().orElse(null), c.feedbackAt().orElse(null),
                    c.feedbackImpossibleReason().orElse(null), c.closedAt().orElse(null),
                    c.legalHold().orElse(null), c.purgedAt().orElse(null));
        }
    }

    /** A stage's deadline as stored when it started, and where it stands. */
    public record StageDeadline(UUID id, String stage, Instant startedAt, Instant dueAt, LocalDate dueDate,
                                String period, boolean calendarIncomplete, boolean paused, boolean extended,
                                List<Integer> alertsRaised, Instant completedAt, Boolean metOnTime, boolean overdue) {
        static StageDeadline of(CaseDeadline d, Instant now) {
            return new StageDeadline(d.id(), d.stage().name(), d.startedAt(), d.dueAt(), d.dueDate(),
                    d.period().amount() + " " + d.period().unit(), d.calendarIncomplete(), d.pausedAt().isPresent(),
                    d.extended(), d.alertsSent(), d.completedAt().orElse(null), d.metOnTime().orElse(null),
                    d.overdue(now));
        }
    }

    public record DecisionView(UUID id, String outcome, List<String> actions, String legalBasis, String reasons,
                               String decidedBy, Instant decidedAt) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.outcome().name(), d.actions(), d.legalBasis(), d.reasons(),
                    d.decidedBy(), d.decidedAt());
        }
    }

    public record Extension(UUID id, String stage, String reason, String requestedBy, Instant requestedAt,
                            String status, String answeredBy, Instant answeredAt, String answerReason) {
        static Extension of(ExtensionRequest r) {
            return new Extension(r.id(), r.stage().name(), r.reason(), r.requestedBy(), r.requestedAt(),
                    r.status().name(), r.answeredBy(), r.answeredAt(), r.answerReason());
        }
    }

    /** A duplicate merged into this lead case; the first received keeps the reporter's priority for rewards. */
    public record Duplicate(UUID id, String reference, Instant receivedAt, boolean rewardPriority) {
    }

    /** A timeline entry as staff see it, with whether the reporter sees it too. */
    public record Entry(UUID id, String type, Instant at, String by, String staff, boolean reporterVisible,
                        String message, List<CaseTracking.File> files) {
    }

    /** The reporter's identity and contact, opened for a stated reason (and audited). */
    public record ReporterIdentity(String reference, String anonymity, String identity, String contact) {
    }
}
