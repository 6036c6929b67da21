package io.qinglang.platform.rewards.domain;

/** A fixed amount, or a percentage of a base the handler states (e.g. the fine imposed), within a minimum and cap. */
public enum RewardKind { FIXED, PERCENTAGE }
