package io.qinglang.platform.rewards.domain;

/** A reward's way: proposed by staff, approved or denied by a supervisor, claimed by the reporter, paid. */
public enum RewardStatus { PROPOSED, APPROVED, DENIED, CLAIMED, PAID }
