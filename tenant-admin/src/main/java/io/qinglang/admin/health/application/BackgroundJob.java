package io.qinglang.admin.health.application;

/** The background jobs each node runs, and whether work can wait for them (a backlog to show). */
public enum BackgroundJob {
    REFERRALS(true), ESCALATION(true), OUTBOX(true), DISCLOSURE(true), CALENDAR_REMINDERS(false), SESSIONS(false),
    RETENTION(false), AUDIT(true);

    private final boolean hasBacklog;

    BackgroundJob(boolean hasBacklog) {
        this.hasBacklog = hasBacklog;
    }

    public boolean hasBacklog() {
        return hasBacklog;
    }
}
