package io.qinglang.infra.persistence;

import io.qinglang.admin.onboarding.application.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes a leaving body's rows from every table with a {@code tenant_id}, referencing tables first, in the caller's
 * transaction and within the tenant in scope; the audit trail and the archived disclosure reports (append-only, free
 * of personal data) are kept.
 */
@ApplicationScoped
public class SqlTenantData implements TenantData {

    private final TenantEntities entities;

    @Inject
    public SqlTenantData(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public boolean claimDeparture(java.time.Instant now) {
        return !entities.forTenant().createNativeQuery("select id from tenants where id = qinglang_current_tenant()"
                        + " and status = 'LEAVING' and leaves_at <= ?1 for update skip locked")
                .setParameter(1, java.sql.Timestamp.from(now)).getResultList().isEmpty();
    }

    @Override
    public Map<String, Integer> deleteAll() {
        EntityManager em = entities.forTenant();
        em.flush();
        @SuppressWarnings("unchecked")
        List<String> tables = ((List<Object>) em.createNativeQuery(TenantTables.NAMES).getResultList()).stream()
                .map(Object::toString).filter(t -> !KEPT.contains(t)).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> references = em.createNativeQuery(TenantTables.REFERENCES).getResultList();
        em.createNativeQuery("set constraints all deferred").executeUpdate();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (String table : TenantTables.referencingFirst(tables, references.stream()
                .map(r -> new String[]{r[0].toString(), r[1].toString()}).toList())) {
            int rows = em.createNativeQuery("delete from " + table + " where tenant_id = qinglang_current_tenant()")
                    .executeUpdate();
            if (rows > 0) {
                deleted.put(table, rows);
            }
        }
        em.clear();
        return deleted;
    }

    @Override
    public int endSessions(String slug) {
        return entities.forTenant().createNativeQuery("delete from console_sessions where tenant_slug = ?1")
                .setParameter(1, slug).executeUpdate();
    }
}
