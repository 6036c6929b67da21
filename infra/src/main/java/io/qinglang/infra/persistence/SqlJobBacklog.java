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
 * being made, audit events waiting to be sealed; with the moment the oldest of them began to wait.
 */
@ApplicationScoped
public class SqlJobBacklog implements JobBacklog {

    /** Per job: what waits, and since when (the referral's last change, the alert's due time, the mail's creation, …). */
    private static final Map<BackgroundJob, String> QUEUES = Map.of(
            BackgroundJob.REFERRALS, "select count(*), min(updated_at) from cases where referred_tenant_id is not null "
                    + "and referral_delivered_at is null",
            BackgroundJob.ESCALATION, "select count(*), min(next_alert_at) from case_deadlines where next_alert_at <= ?1",
            BackgroundJob.OUTBOX, "select count(*), min(created_at) from notifications where sent_at is null "
                    + "and next_attempt_at is not null",
            BackgroundJob.DISCLOSURE, "select count(*), min(requested_at) from disclosure_reports "
                    + "where state in ('QUEUED', 'GENERATING')",
            BackgroundJob.AUDIT, "select count(*), min(occurred_at) from audit_events where seq is null");

    /** How many items wait for a job, and since when the oldest has waited (null when none waits). */
    public record Queue(long waiting, Instant oldest) {
    }

    private final TenantEntities entities;

    @Inject
    public SqlJobBacklog(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public Map<BackgroundJob, Long> waiting(Instant now) {
        Map<BackgroundJob, Long> waiting = new EnumMap<>(BackgroundJob.class);
        queues(now).forEach((job, queue) -> waiting.put(job, queue.waiting()));
        return waiting;
    }

    /** Each job's queue in the tenant in scope at {@code now}. */
    public Map<BackgroundJob, Queue> queues(Instant now) {
        Map<BackgroundJob, Queue> queues = new EnumMap<>(BackgroundJob.class);
        QUEUES.forEach((job, sql) -> {
            var query = entities.forTenant().createNativeQuery(sql);
            if (sql.contains("?1")) {
                query.setParameter(1, Timestamp.from(now));
            }
            Object[] row = (Object[]) query.getSingleResult();
            queues.put(job, new Queue(((Number) row[0]).longValue(), instant(row[1])));
        });
        return queues;
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
