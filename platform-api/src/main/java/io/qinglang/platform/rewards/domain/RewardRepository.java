package io.qinglang.platform.rewards.domain;

import io.qinglang.platform.cases.domain.CaseId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reward rules and rewards of the tenant in scope. */
public interface RewardRepository {

    /** The rules in force. */
    List<RewardRule> rules();

    /** Every rule ever adopted, newest first. */
    List<RewardRule> ruleHistory();

    Optional<RewardRule> rule(UUID id);

    void add(RewardRule rule);

    void add(Reward reward);

    /** The reward for a decided case (the lead of its duplicates), denied ones included, newest first. */
    List<Reward> forDecidedCase(CaseId leadCase);

    /** The reward whose recipient is this case and that was not denied, if any. */
    Optional<Reward> forRecipient(CaseId recipient);

    void flush();
}
