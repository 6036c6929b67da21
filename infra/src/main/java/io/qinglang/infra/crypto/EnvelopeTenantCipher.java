package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Envelope encryption: each tenant has its own AES-256 data key, stored only wrapped by the platform
 * master key; unwrapped keys are kept in memory for reuse. Rotating the master key means re-wrapping the
 * data keys, not re-encrypting the data.
 */
@ApplicationScoped
public class EnvelopeTenantCipher implements TenantCipher {

    private static final byte[] KEY_WRAP_CONTEXT = "qinglang:data-key:v1".getBytes(StandardCharsets.UTF_8);

    private final PlatformKeys keys;
    private final TenantRepository tenants;
    private final TenantTransactions transactions;
    private final Map<TenantId, SecretKey> dataKeys = new ConcurrentHashMap<>();

    @Inject
    public EnvelopeTenantCipher(PlatformKeys keys, TenantRepository tenants, TenantTransactions transactions) {
        this.keys = keys;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @Override
    public byte[] newWrappedDataKey() {
        return AesGcm.seal(keys.master(), AesGcm.randomKey(), KEY_WRAP_CONTEXT);
    }

    @Override
    public byte[] seal(TenantId tenant, byte[] plaintext, String context) {
        return AesGcm.seal(dataKey(tenant), plaintext, associatedData(tenant, context));
    }

    @Override
    public byte[] open(TenantId tenant, byte[] sealed, String context) {
        return AesGcm.open(dataKey(tenant), sealed, associatedData(tenant, context));
    }

    private SecretKey dataKey(TenantId tenant) {
        return dataKeys.computeIfAbsent(tenant, id -> {
            Tenant found = transactions.platform(() -> tenants.find(id))
                    .orElseThrow(() -> new IllegalStateException("no tenant " + id));
            return new SecretKeySpec(AesGcm.open(keys.master(), found.wrappedDataKey(), KEY_WRAP_CONTEXT), "AES");
        });
    }

    private static byte[] associatedData(TenantId tenant, String context) {
        return (tenant + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
