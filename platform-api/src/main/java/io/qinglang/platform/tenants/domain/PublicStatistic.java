package io.qinglang.platform.tenants.domain;

/** A statistic a tenant may choose to publish on its portal and in its disclosure reports. */
public enum PublicStatistic {
    RECEIVED, ACCEPTED, REJECTED, TRANSFERRED, CLOSED, BY_CATEGORY, BY_CHANNEL, BY_OUTCOME, ON_TIME_RATE,
    MEDIAN_HANDLING_TIME, APPEALS, REWARDS
}
