package io.qinglang.platform.deadlines.domain;

/** How a listed day departs from a calendar's weekly pattern. */
public enum DayKind {
    /** A day off: a public holiday, whether or not it falls on a weekly rest day. */
    HOLIDAY,
    /** A make-up working day (调休上班) on what would otherwise be a weekly rest day. */
    WORKDAY
}
