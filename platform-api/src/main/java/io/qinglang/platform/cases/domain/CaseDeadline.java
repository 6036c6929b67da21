package io.qinglang.platform.cases.domain;

import io.qinglang.platform.deadlines.domain.AlertPercents;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.DurationUnit;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deadline of one stage of one case, stored when the stage starts together with the rules it started
 * under (period, extension rule, alert thresholds, whether it pauses while the reporter is asked), so that a
 * later change of the tenant's policy never rewrites it. Open until the stage is completed.
 */
@Entity
@Table(name = "case_deadlines")
public class CaseDeadline {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private DeadlineStage stage;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private int amount;
    @Enumerated(EnumType.STRING)
    private DurationUnit unit;
    @Column(name = "calendar_incomplete")
    private boolean calendarIncomplete;
    @Column(name = "pauses_while_waiting")
    private boolean pausesWhileWaiting;
    @Column(name = "extension_amount")
    private int extensionAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "extension_unit")
    private DurationUnit extensionUnit;
    @Column(name = "extension_needs_approval")
    private boolean extensionNeedsApproval;
    @Column(name = "alert_percents")
    private String alertPercents;
    @Column(name = "alerts_sent")
    private String alertsSent;
    @Column(name = "paused_at")
    private Instant pausedAt;
    private boolean extended;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "next_alert_at")
    private Instant nextAlertAt;
    @Version
    private long version;

    protected CaseDeadline() {
    }

    /** Starts {@code policy}'s stage for a case at {@code now}, due at {@code deadline}. */
    public static CaseDeadline start(CaseId caseId, DeadlinePolicy policy, Deadline deadline, Instant now) {
        CaseDeadline d = new CaseDeadline();
        d.id = UUID.randomUUID();
        d.caseId = caseId.value();
        d.stage = policy.stage();
        d.startedAt = now;
        d.dueAt = deadline.dueAt();
        d.dueDate = deadline.dueDate();
        d.calendarIncomplete = deadline.calendarIncomplete();
        d.amount = policy.period().amount();
        d.unit = policy.period().unit();
        d.pausesWhileWaiting = policy.pausesWhileWaiting();
        HandlingPeriod extension = policy.extension();
        d.extensionAmount = extension == null ? 0 : extension.amount();
        d.extensionUnit = extension == null ? null : extension.unit();
        d.extensionNeedsApproval = policy.extensionNeedsApproval();
        d.alertPercents = AlertPercents.format(policy.alertPercents());
        d.alertsSent = "";
        d.refreshNextAlert();
        return d;
    }

    /** An instant stage (a period of zero hours, e.g. "acknowledged at once, automatically") is met as it starts. */
    public boolean instant() {
        return amount == 0 && unit == DurationUnit.HOURS;
    }

    public void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
            pausedAt = null;
            nextAlertAt = null;
        }
    }

    /** Stops the clock if this stage's policy pauses it while the reporter is asked; returns whether it did. */
    public boolean pause(Instant now) {
        if (!open() || !pausesWhileWaiting || pausedAt != null) {
            return false;
        }
        pausedAt = now;
        nextAlertAt = null;
        return true;
    }

    public Optional<Instant> pausedAt() {
        return Optional.ofNullable(pausedAt);
    }

    /** Restarts the clock with the due time moved by the time lost, as the calculator counted it. */
    public void resume(Deadline moved, Instant now) {
        pausedAt = null;
        reschedule(moved, now);
    }

    /** Grants the extension of the stage's rule; a stage is extended at most once. */
    public void extend(Deadline extendedTo, Instant now) {
        if (extended) {
            throw CaseRuleViolation.conflict("ALREADY_EXTENDED", "The " + stage + " deadline was already extended.");
        }
        extended = true;
        reschedule(extendedTo, now);
    }

    /**
     * Moves the due time. An alert already raised stays raised only if its threshold, measured against the new
     * due time, has still been reached at {@code now}; the others will be raised again when their time comes, so
     * that a case extended after its 80 % alert still gets one at 80 % and at 100 % of the extended time.
     */
    private void reschedule(Deadline deadline, Instant now) {
        dueAt = deadline.dueAt();
        dueDate = deadline.dueDate();
        calendarIncomplete = calendarIncomplete || deadline.calendarIncomplete();
        alertsSent = AlertPercents.format(AlertPercents.parse(alertsSent).stream()
                .filter(percent -> !thresholdAt(percent).isAfter(now))
                .toList());
        refreshNextAlert();
    }

    /**
     * The alert thresholds reached at {@code now} and not yet raised, in order. A paused or completed stage
     * raises none, nor does the appeal window (the reporter's time, not staff's). A threshold of p % is
     * reached once p % of the time from start to due has passed.
     */
    public List<Integer> thresholdsReached(Instant now) {
        if (!open() || pausedAt != null || stage == DeadlineStage.APPEAL_WINDOW) {
            return List.of();
        }
        List<Integer> sent = AlertPercents.parse(alertsSent);
        List<Integer> reached = new ArrayList<>();
        for (int percent : AlertPercents.parse(alertPercents)) {
            if (!sent.contains(percent) && !now.isBefore(thresholdAt(percent))) {
                reached.add(percent);
            }
        }
        return reached;
    }

    /** Records that the alert at {@code percent} was raised, so it is never raised again. */
    public void alertRaised(int percent) {
        List<Integer> sent = new ArrayList<>(AlertPercents.parse(alertsSent));
        if (!sent.contains(percent)) {
            sent.add(percent);
        }
        alertsSent = AlertPercents.format(sent.stream().sorted().toList());
        refreshNextAlert();
    }

    /** When the next threshold not yet raised falls due; none while paused, once completed, or for the appeal window. */
    private void refreshNextAlert() {
        nextAlertAt = null;
        if (!open() || pausedAt != null || stage == DeadlineStage.APPEAL_WINDOW) {
            return;
        }
        List<Integer> sent = AlertPercents.parse(alertsSent);
        for (int percent : AlertPercents.parse(alertPercents)) {
            Instant at = thresholdAt(percent);
            if (!sent.contains(percent) && (nextAlertAt == null || at.isBefore(nextAlertAt))) {
                nextAlertAt = at;
            }
        }
    }

    private Instant thresholdAt(int percent) {
        long span = Math.max(0, Duration.between(startedAt, dueAt).toMillis());
        return startedAt.plusMillis(span * percent / 100);
    }

    public Optional<Instant> nextAlertAt() {
        return Optional.ofNullable(nextAlertAt);
    }

    public boolean open() {
        return completedAt == null;
    }

    /**
     * The stage staff are working against: of the open deadlines, not counting the reporter's appeal window, the
     * one due first (of two due at once, the stage whose name sorts first). Paused ones count, with their due time
     * as it stood when the clock stopped.
     */
    public static Optional<CaseDeadline> runningStage(Collection<CaseDeadline> deadlines) {
        return deadlines.stream().filter(d -> d.open() && d.stage != DeadlineStage.APPEAL_WINDOW)
                .min(Comparator.comparing(CaseDeadline::dueAt).thenComparing(d -> d.stage.name()));
    }

    public boolean overdue(Instant now) {
        return open() && pausedAt == null && now.isAfter(dueAt);
    }

    /** Whether a completed stage was completed by its due time. */
    public Optional<Boolean> metOnTime() {
        return Optional.ofNullable(completedAt).map(at -> !at.isAfter(dueAt));
    }

    public Deadline deadline() {
        return new Deadline(dueAt, dueDate, calendarIncomplete);
    }

    public Optional<HandlingPeriod> extension() {
        return extensionUnit == null || extensionAmount == 0 ? Optional.empty()
                : Optional.of(new HandlingPeriod(extensionAmount, extensionUnit));
    }

    public boolean extensionNeedsApproval() {
        return extensionNeedsApproval;
    }

    public boolean extended() {
        return extended;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public DeadlineStage stage() {
        return stage;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public HandlingPeriod period() {
        return new HandlingPeriod(amount, unit);
    }

    public boolean calendarIncomplete() {
        return calendarIncomplete;
    }

    public List<Integer> alertsSent() {
        return AlertPercents.parse(alertsSent);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
