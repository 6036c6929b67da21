package io.qinglang.infra.persistence;

import io.qinglang.admin.export.application.ExportInProgress;
import io.qinglang.admin.export.application.ExportStore;
import io.qinglang.admin.export.application.TenantExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Exports in {@code tenant_exports}, their archives in {@code tenant_export_chunks}, for the tenant in scope. */
@ApplicationScoped
public class SqlExportStore implements ExportStore {

    private static final String COLUMNS = "id, state, progress, step, requested_by, requested_at, attempts, ready_at, "
            + "expires_at, size_bytes, sha256, failure";
    private static final String MINE = " where tenant_id = qinglang_current_tenant()";

    private final TenantEntities entities;

    @Inject
    public SqlExportStore(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public TenantExport request(UUID id, String by, byte[] sealedPassphrase, Instant now) {
        EntityManager em = entities.forTenant();
        // one at a time: the unique index decides between two asking at once, this answers the common case kindly
        int inserted = em.createNativeQuery("insert into tenant_exports (id, tenant_id, requested_by, requested_at,"
                        + " state, sealed_passphrase) select ?1, qinglang_current_tenant(), ?2, ?3, 'QUEUED', ?4"
                        + " on conflict do nothing")
                .setParameter(1, id).setParameter(2, by).setParameter(3, Timestamp.from(now))
                .setParameter(4, sealedPassphrase).executeUpdate();
        if (inserted == 0) {
            throw new ExportInProgress();
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<TenantExport> find(UUID id) {
        return rows(" and id = ?1", id).stream().findFirst();
    }

    @Override
    public List<TenantExport> list() {
        return rows("", null);
    }

    @Override
    public Optional<Claimed> claim(String node, Duration lease, int attempts, Instant now) {
        EntityManager em = entities.forTenant();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from tenant_exports" + MINE
                        + " and (state = 'QUEUED' or (state = 'MAKING' and lease_until < ?1)) and attempts < ?2"
                        + " order by requested_at limit 1 for update skip locked")
                .setParameter(1, Timestamp.from(now)).setParameter(2, attempts).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = uuid(ids.getFirst());
        em.createNativeQuery("update tenant_exports set state = 'MAKING', attempts = attempts + 1, claimed_by = ?1,"
                        + " lease_until = ?2, progress = 0, step = null, failure = null" + MINE + " and id = ?3")
                .setParameter(1, node).setParameter(2, Timestamp.from(now.plus(lease))).setParameter(3, id)
                .executeUpdate();
        byte[] sealed = (byte[]) em.createNativeQuery("select sealed_passphrase from tenant_exports" + MINE
                + " and id = ?1").setParameter(1, id).getSingleResult();
        return Optional.of(new Claimed(find(id).orElseThrow(), sealed));
    }

    @Override
    public boolean progress(UUID id, String node, int percent, String step, Duration lease, Instant now) {
        return entities.forTenant().createNativeQuery("update tenant_exports set progress = ?1, step = ?2,"
                        + " lease_until = ?3" + MINE + " and id = ?4 and state = 'MAKING' and claimed_by = ?5")
                .setParameter(1, percent).setParameter(2, step).setParameter(3, Timestamp.from(now.plus(lease)))
                .setParameter(4, id).setParameter(5, node).executeUpdate() == 1;
    }

    @Override
    public void clearChunks(UUID id) {
        entities.forTenant().createNativeQuery("delete from tenant_export_chunks" + MINE + " and export_id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    @Override
    public void appendChunk(UUID id, int seq, byte[] bytes) {
        entities.forTenant().createNativeQuery("insert into tenant_export_chunks (tenant_id, export_id, seq, bytes)"
                        + " values (qinglang_current_tenant(), ?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, seq).setParameter(3, bytes).executeUpdate();
    }

    @Override
    public boolean complete(UUID id, String node, long sizeBytes, String sha256, Instant now, Instant expires) {
        return entities.forTenant().createNativeQuery("update tenant_exports set state = 'READY', progress = 100,"
                        + " step = null, sealed_passphrase = null, lease_until = null, ready_at = ?1, expires_at = ?2,"
                        + " size_bytes = ?3, sha256 = ?4" + MINE + " and id = ?5 and state = 'MAKING' and claimed_by = ?6")
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(expires))
                .setParameter(3, sizeBytes).setParameter(4, sha256).setParameter(5, id).setParameter(6, node)
                .executeUpdate() == 1;
    }

    @Override
    public void fail(UUID id, String node, String failure, boolean last) {
        EntityManager em = entities.forTenant();
        em.createNativeQuery("update tenant_exports set failure = ?1, lease_until = null, state = "
                        + (last ? "'FAILED', sealed_passphrase = null" : "'QUEUED'")
                        + MINE + " and id = ?2 and state = 'MAKING' and claimed_by = ?3")
                .setParameter(1, failure).setParameter(2, id).setParameter(3, node).executeUpdate();
        if (last) {
            clearChunks(id);
        }
    }

    @Override
    public int chunkCount(UUID id) {
        return ((Number) entities.forTenant().createNativeQuery("select count(*) from tenant_export_chunks" + MINE
                + " and export_id = ?1").setParameter(1, id).getSingleResult()).intValue();
    }

    @Override
    public byte[] chunk(UUID id, int seq) {
        return (byte[]) entities.forTenant().createNativeQuery("select bytes from tenant_export_chunks" + MINE
                + " and export_id = ?1 and seq = ?2").setParameter(1, id).setParameter(2, seq).getSingleResult();
    }

    @Override
    public int expire(Instant now) {
        EntityManager em = entities.forTenant();
        em.createNativeQuery("delete from tenant_export_chunks c using tenant_exports e"
                        + " where c.tenant_id = qinglang_current_tenant() and e.tenant_id = c.tenant_id"
                        + " and e.id = c.export_id and e.state = 'READY' and e.expires_at <= ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
        return em.createNativeQuery("update tenant_exports set state = 'EXPIRED'" + MINE
                + " and state = 'READY' and expires_at <= ?1").setParameter(1, Timestamp.from(now)).executeUpdate();
    }

    private List<TenantExport> rows(String condition, UUID id) {
        var query = entities.forTenant().createNativeQuery("select " + COLUMNS + " from tenant_exports" + MINE
                + condition + " order by requested_at desc");
        if (id != null) {
            query.setParameter(1, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(SqlExportStore::export).toList();
    }

    private static TenantExport export(Object[] row) {
        return new TenantExport(uuid(row[0]), TenantExport.State.valueOf((String) row[1]), ((Number) row[2]).intValue(),
                (String) row[3], (String) row[4], instant(row[5]), ((Number) row[6]).intValue(), instant(row[7]),
                instant(row[8]), row[9] == null ? null : ((Number) row[9]).longValue(), (String) row[10],
                (String) row[11]);
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
