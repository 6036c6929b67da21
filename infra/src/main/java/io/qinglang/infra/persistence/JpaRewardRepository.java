package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.rewards.domain.Reward;
import io.qinglang.platform.rewards.domain.RewardRepository;
import io.qinglang.platform.rewards.domain.RewardRule;
import io.qinglang.platform.rewards.domain.RewardStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reward rules and rewards of the tenant in scope. */
@ApplicationScoped
public class JpaRewardRepository implements RewardRepository {

    private final TenantEntities entities;

    @Inject
    public JpaRewardRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public List<RewardRule> rules() {
        return entities.forTenant().createQuery("select r from RewardRule r where r.retiredAt is null "
                + "order by r.categoryCode, r.severity, r.id", RewardRule.class).getResultList();
    }

    @Override
    public List<RewardRule> ruleHistory() {
        return entities.forTenant().createQuery("select r from RewardRule r order by r.effectiveFrom desc, r.id",
                RewardRule.class).getResultList();
    }

    @Override
    public Optional<RewardRule> rule(UUID id) {
        return entities.forTenant().createQuery("select r from RewardRule r where r.id = :id", RewardRule.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public void add(RewardRule rule) {
        entities.forTenant().persist(rule);
    }

    @Override
    public void add(Reward reward) {
        entities.forTenant().persist(reward);
    }

    @Override
    public List<Reward> forDecidedCase(CaseId leadCase) {
        return entities.forTenant().createQuery("select r from Reward r where r.leadCaseId = :lead "
                + "order by r.proposedAt desc", Reward.class).setParameter("lead", leadCase.value()).getResultList();
    }

    @Override
    public Optional<Reward> forRecipient(CaseId recipient) {
        return entities.forTenant().createQuery("select r from Reward r where r.caseId = :id and r.status <> :denied",
                        Reward.class).setParameter("id", recipient.value()).setParameter("denied", RewardStatus.DENIED)
                .getResultStream().findFirst();
    }

    @Override
    public void flush() {
        entities.forTenant().flush();
    }
}
