package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.application.SpentChallenges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;

/** Used challenges in {@code intake_challenges_spent}; the row that wins the primary key is the one use. */
@ApplicationScoped
public class SqlSpentChallenges implements SpentChallenges {

    private final TenantEntities entities;

    @Inject
    public SqlSpentChallenges(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public boolean spend(byte[] challengeHash, Instant expires) {
        var em = entities.forTenant();
        em.createNativeQuery("delete from intake_challenges_spent where expires_at < now()").executeUpdate();
        return em.createNativeQuery("insert into intake_challenges_spent (tenant_id, challenge_hash, expires_at) "
                        + "values (qinglang_current_tenant(), ?1, ?2) on conflict do nothing")
                .setParameter(1, challengeHash).setParameter(2, Timestamp.from(expires)).executeUpdate() == 1;
    }
}
