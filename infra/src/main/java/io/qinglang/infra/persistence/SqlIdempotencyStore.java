package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.application.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Idempotency records in {@code idempotency_records}. Claiming inserts the key's row; a concurrent request
 * with the same key blocks on that row until the first commits, then finds its answer.
 */
@ApplicationScoped
public class SqlIdempotencyStore implements IdempotencyStore {

    private final TenantEntities entities;

    @Inject
    public SqlIdempotencyStore(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public Optional<Earlier> claim(byte[] keyHash, byte[] fingerprint) {
        var em = entities.forTenant();
        int inserted = em.createNativeQuery("insert into idempotency_records (tenant_id, key_hash, fingerprint, created_at) "
                        + "values (qinglang_current_tenant(), ?1, ?2, now()) on conflict do nothing")
                .setParameter(1, keyHash).setParameter(2, fingerprint).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select fingerprint, sealed_answer from idempotency_records where key_hash = ?1")
                .setParameter(1, keyHash).getResultList();
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new Earlier((byte[]) row[0], (byte[]) row[1]));
    }

    @Override
    public void complete(byte[] keyHash, byte[] sealedAnswer) {
        entities.forTenant().createNativeQuery("update idempotency_records set sealed_answer = ?1 where key_hash = ?2")
                .setParameter(1, sealedAnswer).setParameter(2, keyHash).executeUpdate();
    }
}
