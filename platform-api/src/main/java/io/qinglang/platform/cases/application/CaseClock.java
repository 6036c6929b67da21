package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts, stops, pauses and moves a case's stage deadlines as handling goes on, within one piece of work in the
 * tenant's scope. When each stage runs:
 *
 * <ul>
 *   <li>ACKNOWLEDGE, ACCEPT and URGENT_TRIAGE from receipt to triage (accept, reject, transfer, merge);</li>
 *   <li>DECIDE from acceptance (again after a review reverses the decision) to the decision;</li>
 *   <li>FEEDBACK from the decision to the feedback — or from acceptance for a tenant without a DECIDE stage
 *       (the EU channel owes feedback within three months of acknowledgement); an instant FEEDBACK stage is met
 *       by the decision itself, whose statement of reasons the reporter reads;</li>
 *   <li>APPEAL_WINDOW from the feedback (the reporter's window, never escalated); REVIEW from the appeal.</li>
 * </ul>
 * A stage the tenant has no policy for does not run. An instant stage (zero hours) is met as it starts.
 */
public final class CaseClock {

    /** Stages that end when the case is triaged. */
    public static final Set<DeadlineStage> TRIAGE = EnumSet.of(DeadlineStage.ACKNOWLEDGE, DeadlineStage.ACCEPT,
            DeadlineStage.URGENT_TRIAGE);

    private final CaseDeadlines.Rules rules;
    private final CaseRepository cases;
    private final Case c;
    private List<CaseDeadline> open;
    private final List<CaseDeadline> started = new java.util.ArrayList<>();

    public CaseClock(CaseDeadlines.Rules rules, CaseRepository cases, Case c) {
        this.rules = rules;
        this.cases = cases;
        this.c = c;
    }

    /** The clock of a case just registered, which has no deadlines yet (saves asking the database). */
    public static CaseClock forNewCase(CaseDeadlines.Rules rules, CaseRepository cases, Case c) {
        CaseClock clock = new CaseClock(rules, cases, c);
        clock.open = new java.util.ArrayList<>();
        return clock;
    }

    /** Starts the stage if the tenant has a policy for it; returns the stored deadline. */
    public Optional<CaseDeadline> start(DeadlineStage stage, Instant now) {
        Optional<DeadlinePolicy> policy = rules.policy(stage, c.categoryCode(), c.severity());
        if (policy.isEmpty() || running(stage).isPresent()) {
            return Optional.empty();
        }
        Deadline due = rules.dueAt(policy.get().period(), now);
        CaseDeadline started = CaseDeadline.start(c.id(), policy.get(), due, now);
        if (started.instant()) {
            started.complete(now);
        } else if (c.waitingSince().isPresent()) {
            started.pause(now);
        }
        cases.add(started);
        this.started.add(started);
        if (started.open()) {
            openDeadlines().add(started);
        }
        return Optional.of(started);
    }

    /** The years without holiday data that deadlines started or moved by this clock fell in. */
    public Set<Integer> uncoveredYears() {
        Set<Integer> years = new java.util.TreeSet<>();
        java.util.stream.Stream.concat(started.stream(), openDeadlines().stream())
                .filter(CaseDeadline::calendarIncomplete)
                .forEach(d -> {
                    for (int y = d.startedAt().atZone(rules.calendar().zone()).getYear(); y <= d.dueDate().getYear(); y++) {
                        if (!rules.calendar().covers(y)) {
                            years.add(y);
                        }
                    }
                });
        return years;
    }

    /**
     * Starts a stage with a due time set from outside (a superior body's deadline for a case it assigns), under
     * the tenant's policy for the stage if it has one (for its alert thresholds) or the default thresholds.
     */
    public CaseDeadline startDueAt(DeadlineStage stage, Deadline due, Instant now) {
        DeadlinePolicy policy = rules.policy(stage, c.categoryCode(), c.severity()).orElseGet(() -> new DeadlinePolicy(stage, null,
                HandlingPeriod.calendarDays(0), null, false, java.util.List.of(50, 80, 100), false));
        CaseDeadline started = CaseDeadline.start(c.id(), policy, due, now);
        cases.add(started);
        this.started.add(started);
        openDeadlines().add(started);
        return started;
    }

    public boolean hasPolicy(DeadlineStage stage) {
        return rules.policy(stage, c.categoryCode(), c.severity()).isPresent();
    }

    public Optional<CaseDeadline> running(DeadlineStage stage) {
        return openDeadlines().stream().filter(d -> d.stage() == stage).findFirst();
    }

    public void complete(Set<DeadlineStage> stages, Instant now) {
        openDeadlines().removeIf(d -> {
            if (stages.contains(d.stage())) {
                d.complete(now);
                return true;
            }
            return false;
        });
    }

    public void completeAll(Instant now) {
        openDeadlines().forEach(d -> d.complete(now));
        openDeadlines().clear();
    }

    /** Stops the clocks whose policy pauses them while the reporter is asked for information. */
    public void pause(Instant now) {
        openDeadlines().forEach(d -> d.pause(now));
    }

    /** Restarts paused clocks, each moved by the time it stood still. */
    public void resume(Instant now) {
        for (CaseDeadline d : openDeadlines()) {
            d.pausedAt().ifPresent(since -> d.resume(
                    rules.calculator().resume(d.deadline(), d.period().unit(), since, now, rules.calendar()), now));
        }
    }

    /** Grants the stage's extension rule to a deadline. */
    public void extend(CaseDeadline deadline, Instant now) {
        HandlingPeriod extension = deadline.extension().orElseThrow();
        deadline.extend(rules.calculator().extend(deadline.deadline(), extension, rules.calendar()), now);
    }

    private List<CaseDeadline> openDeadlines() {
        if (open == null) {
            open = new java.util.ArrayList<>(cases.openDeadlines(c.id()));
        }
        return open;
    }
}
