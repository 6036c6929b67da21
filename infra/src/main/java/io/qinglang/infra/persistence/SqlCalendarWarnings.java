package io.qinglang.infra.persistence;

import io.qinglang.platform.deadlines.domain.CalendarWarnings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;

/** One row per tenant and year warned about; the insert that wins the primary key is the first warning. */
@ApplicationScoped
public class SqlCalendarWarnings implements CalendarWarnings {

    private final TenantEntities entities;

    @Inject
    public SqlCalendarWarnings(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public boolean firstFor(int year, Instant now) {
        return entities.forTenant().createNativeQuery("insert into calendar_warnings (tenant_id, year, warned_at) "
                        + "values (qinglang_current_tenant(), ?1, ?2) on conflict do nothing")
                .setParameter(1, year).setParameter(2, Timestamp.from(now)).executeUpdate() == 1;
    }
}
