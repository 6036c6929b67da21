package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.ReferenceSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Per-tenant, per-year counters in {@code reference_counters}. The upsert locks the counter row until the
 * transaction ends, so concurrent intakes get distinct numbers and a rolled-back intake leaves no gap.
 */
@ApplicationScoped
public class SqlReferenceSequence implements ReferenceSequence {

    private final TenantEntities entities;

    @Inject
    public SqlReferenceSequence(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public long next(int year) {
        Object value = entities.forTenant().createNativeQuery("insert into reference_counters (tenant_id, year, next_value) "
                        + "values (qinglang_current_tenant(), ?1, 2) on conflict (tenant_id, year) "
                        + "do update set next_value = reference_counters.next_value + 1 returning next_value - 1")
                .setParameter(1, year).getSingleResult();
        return ((Number) value).longValue();
    }
}
