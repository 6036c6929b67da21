package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.TenantId;

/**
 * A keyed hash (HMAC) of a reporter's secret, bound to the tenant and to the secret's purpose. Only these
 * hashes are stored, so a database dump reveals no receipt code and cannot be brute-forced without the key.
 */
public interface SecretHasher {

    byte[] hash(TenantId tenant, String purpose, String secret);

    /** The same for a value of no one tenant's (a client address in the platform's rate limits). */
    byte[] hash(String purpose, String value);
}
