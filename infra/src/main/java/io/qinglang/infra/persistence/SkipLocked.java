package io.qinglang.infra.persistence;

import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Claims work rows for the current transaction: the due rows of the tenant in scope are locked
 * {@code FOR UPDATE SKIP LOCKED}, oldest due first, so concurrent workers (threads or nodes) each get different
 * rows and none waits on another. The locks hold until the transaction ends.
 */
final class SkipLocked {

    private SkipLocked() {
    }

    /**
     * Locks up to {@code limit} rows of {@code table} whose {@code dueColumn} is at or before {@code now} (and that
     * meet {@code condition}, SQL over the table's columns) and returns them as entities of {@code type}.
     */
    static <T> List<T> claim(EntityManager em, Class<T> type, String table, String dueColumn, String condition,
                             Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from " + table + " where tenant_id = qinglang_current_tenant() "
                        + "and " + condition + " and " + dueColumn + " <= ?1 order by " + dueColumn + " limit ?2 "
                        + "for update skip locked")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
                .setParameter("ids", ids.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList())
                .getResultList();
    }
}
