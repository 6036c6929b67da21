package io.qinglang.infra.persistence;

import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.audit.domain.AuditQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in {@code audit_events}. A transaction-scoped advisory lock per tenant serialises appends,
 * so two concurrent events never take the same sequence number or fork the chain.
 */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {

    static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, "
            + "reason, details, prev_hash, hash";

    private final TenantEntities entities;

    @Inject
    public SqlAuditLog(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public Optional<AuditEntry> lockLast() {
        var em = entities.forTenant();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('audit:' || qinglang_current_tenant()::text, 0))")
                .getSingleResult();
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from audit_events order by seq desc limit 1")
                .getResultList();
        return rows.stream().findFirst().map(row -> entry((Object[]) row));
    }

    @Override
    public void append(AuditEntry e) {
        entities.forTenant().createNativeQuery("insert into audit_events (tenant_id, " + COLUMNS + ") values "
                        + "(qinglang_current_tenant(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, e.seq()).setParameter(2, Timestamp.from(e.occurredAt())).setParameter(3, e.actorKind())
                .setParameter(4, e.actorId()).setParameter(5, e.action()).setParameter(6, e.subjectType())
                .setParameter(7, e.subjectId()).setParameter(8, e.reason()).setParameter(9, e.details())
                .setParameter(10, e.prevHash()).setParameter(11, e.hash())
                .executeUpdate();
    }

    @Override
    public Optional<java.time.Instant> lastOccurredAt() {
        List<?> rows = entities.forTenant().createNativeQuery("select occurred_at from audit_events order by seq desc limit 1")
                .getResultList();
        return rows.stream().findFirst().map(at -> ((Timestamp) at).toInstant());
    }

    @Override
    public List<AuditEntry> after(long afterSeq, int limit) {
        return entities.forTenant().createNativeQuery("select " + COLUMNS + " from audit_events where seq > ?1 "
                        + "order by seq limit ?2")
                .setParameter(1, afterSeq).setParameter(2, limit).getResultList().stream()
                .map(row -> entry((Object[]) row)).toList();
    }

    @Override
    public List<AuditEntry> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_events where true");
        List<Object> parameters = new ArrayList<>();
        if (q.actor() != null) {
            parameters.add("%" + like(q.actor()) + "%");
            sql.append(" and actor_id ilike ?").append(parameters.size()).append(" escape '\\'");
        }
        if (q.action() != null) {
            parameters.add(q.action());
            sql.append(" and action = upper(?").append(parameters.size()).append(")");
        }
        if (q.subject() != null) {
            parameters.add("%" + like(q.subject()) + "%");
            sql.append(" and subject_id ilike ?").append(parameters.size()).append(" escape '\\'");
        }
        if (q.from() != null) {
            parameters.add(Timestamp.from(q.from()));
            sql.append(" and occurred_at >= ?").append(parameters.size());
        }
        if (q.to() != null) {
            parameters.add(Timestamp.from(q.to()));
            sql.append(" and occurred_at < ?").append(parameters.size());
        }
        if (q.beforeSeq() != null) {
            parameters.add(q.beforeSeq());
            sql.append(" and seq < ?").append(parameters.size());
        }
        parameters.add(q.limit());
        sql.append(" order by seq desc limit ?").append(parameters.size());
        var query = entities.forTenant().createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList().stream().map(row -> entry((Object[]) row)).toList();
    }

    /** Text to find inside a LIKE pattern, its wildcards taken literally. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant(), (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                (byte[]) row[9], (byte[]) row[10]);
    }
}
