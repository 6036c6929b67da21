package io.qinglang.platform.deadlines.domain;

/**
 * How a handling period is measured. Policies mix all three: an urgent triage in hours, a decision
 * in working days, an EU acknowledgement in calendar days.
 */
public enum DurationUnit {
    HOURS,
    CALENDAR_DAYS,
    WORKING_DAYS
}
