package io.qinglang.platform.cases.domain;

/** Actions a decision can record as taken. */
public enum DecisionAction {
    CONTENT_REMOVED, ACCOUNT_RESTRICTED, WARNING_ISSUED, CORRECTION_ORDERED, COMPENSATION, PENALTY_IMPOSED,
    REFERRED_TO_AUTHORITY, NO_ACTION
}
