package io.qinglang.infra.persistence;

import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.admin.health.application.JobBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The work waiting for each background job in the tenant in scope, counted on the partial indexes the jobs claim
 * their rows by: referrals not delivered, deadline alerts due, notifications not sent, disclosure reports queued or
 * being made, audit events waiting to be sealed.
 */
@ApplicationScoped
public class SqlJobBacklog implements JobBacklog {

    private static final Map<BackgroundJob, String> COUNTS = Map.of(
            BackgroundJob.REFERRALS, "select count(*) from cases where referred_tenant_id is not null "
                    + "and referral_delivered_at is null",
            BackgroundJob.ESCALATION, "select count(*) from case_deadlines where next_alert_at <= ?1",
            BackgroundJob.OUTBOX, "select count(*) from notifications where sent_at is null "
                    + "and next_attempt_at is not null",
            BackgroundJob.DISCLOSURE, "select count(*) from disclosure_reports where state in ('QUEUED', 'GENERATING')",
            BackgroundJob.AUDIT, "select count(*) from audit_events where seq is null");

    private final TenantEntities entities;

    @Inject
    public SqlJobBacklog(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public Map<BackgroundJob, Long> waiting(Instant now) {
        Map<BackgroundJob, Long> waiting = new EnumMap<>(BackgroundJob.class);
        COUNTS.forEach((job, sql) -> {
            var query = entities.forTenant().createNativeQuery(sql);
            if (sql.contains("?1")) {
                query.setParameter(1, Timestamp.from(now));
            }
            waiting.put(job, ((Number) query.getSingleResult()).longValue());
        });
        return waiting;
    }
}
