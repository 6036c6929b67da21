package io.qinglang.infra.persistence;

import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.audit.domain.ChainLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in {@code audit_events}. Writers insert events without seq or hashes; a transaction-scoped
 * advisory lock per tenant is the chain, taken only by its sealer, so two sealers never give two events one sequence
 * number or fork the chain. Write order is the {@code id} identity column.
 */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {

    static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, "
            + "reason, details, prev_hash, hash";
    private static final String CHAIN_KEY = "hashtextextended('audit:' || qinglang_current_tenant()::text, 0)";

    private final TenantEntities entities;

    @Inject
    public SqlAuditLog(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void write(AuditEntry e) {
        // no flush of the transaction's entities first (EclipseLink's default before a native statement): the event
        // refers to nothing they write, the commit writes them anyway, and flushing twice compared every entity twice
        entities.forTenant().createNativeQuery("insert into audit_events (tenant_id, occurred_at, actor_kind, actor_id, "
                        + "action, subject_type, subject_id, reason, details) values "
                        + "(qinglang_current_tenant(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, Timestamp.from(e.occurredAt())).setParameter(2, e.actorKind())
                .setParameter(3, e.actorId()).setParameter(4, e.action()).setParameter(5, e.subjectType())
                .setParameter(6, e.subjectId()).setParameter(7, e.reason()).setParameter(8, e.details())
                .executeUpdate();
    }

    @Override
    public boolean claimChain(boolean wait) {
        var em = entities.forTenant();
        if (wait) {
            em.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_KEY + ")").getSingleResult();
            return true;
        }
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(" + CHAIN_KEY + ")").getSingleResult();
    }

    @Override
    public Optional<AuditEntry> last() {
        List<?> rows = entities.forTenant().createNativeQuery("select " + COLUMNS + " from audit_events "
                + "where seq is not null order by seq desc limit 1").getResultList();
        return rows.stream().findFirst().map(row -> entry((Object[]) row));
    }

    @Override
    public Optional<ChainLink> link(long seq) {
        List<?> rows = entities.forTenant().createNativeQuery("select seq, hash, occurred_at from audit_events "
                + "where seq = ?1").setParameter(1, seq).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return ChainLink.of(((Number) r[0]).longValue(), (byte[]) r[1], ((Timestamp) r[2]).toInstant());
        });
    }

    @Override
    public List<Waiting> waiting(int limit) {
        return entities.forTenant().createNativeQuery("select " + COLUMNS + ", id from audit_events where seq is null "
                        + "order by id limit ?1")
                .setParameter(1, limit).getResultList().stream()
                .map(row -> new Waiting(((Number) ((Object[]) row)[11]).longValue(), entry((Object[]) row))).toList();
    }

    @Override
    public long waitingCount() {
        return ((Number) entities.forTenant().createNativeQuery("select count(*) from audit_events where seq is null")
                .getSingleResult()).longValue();
    }

    @Override
    public void seal(long id, AuditEntry sealed) {
        int updated = entities.forTenant().createNativeQuery("update audit_events set seq = ?1, prev_hash = ?2, hash = ?3 "
                        + "where tenant_id = qinglang_current_tenant() and id = ?4 and seq is null")
                .setParameter(1, sealed.seq()).setParameter(2, sealed.prevHash()).setParameter(3, sealed.hash())
                .setParameter(4, id).executeUpdate();
        if (updated != 1) { // sealed meanwhile by someone not holding the chain: undo the batch rather than leave a gap
            throw new IllegalStateException("audit event " + id + " was no longer waiting to be sealed");
        }
    }

    @Override
    public Optional<java.time.Instant> lastOccurredAt() {
        List<?> rows = entities.forTenant().createNativeQuery("select occurred_at from audit_events order by id desc limit 1")
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
        // waiting events (seq null) come first: they are the newest
        sql.append(" order by seq desc nulls first, id desc limit ?").append(parameters.size());
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
        return new AuditEntry(row[0] == null ? 0 : ((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant(), (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                (byte[]) row[9], (byte[]) row[10]);
    }
}
