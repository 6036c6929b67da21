package io.qinglang.platform.deadlines.domain;

/** The stages of handling that carry a deadline, each set by the tenant's deadline policies. */
public enum DeadlineStage { ACKNOWLEDGE, URGENT_TRIAGE, ACCEPT, DECIDE, FEEDBACK, APPEAL_WINDOW, REVIEW }
