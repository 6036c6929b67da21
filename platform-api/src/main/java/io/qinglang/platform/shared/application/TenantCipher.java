package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.TenantId;

/**
 * Encrypts data at rest under a tenant's own data key (AES-GCM), the key itself wrapped by the platform key.
 * The context binds a ciphertext to where it belongs (e.g. the case id), so it cannot be moved elsewhere.
 */
public interface TenantCipher {

    /** A fresh data key for a new tenant, already wrapped by the platform key. */
    byte[] newWrappedDataKey();

    byte[] seal(TenantId tenant, byte[] plaintext, String context);

    byte[] open(TenantId tenant, byte[] sealed, String context);
}
