package io.qinglang.platform.cases.application;

import java.util.Optional;

/**
 * Remembers, per tenant, what the first request with an Idempotency-Key answered, so a retried request
 * returns that answer and creates nothing new. Only hashes of the key are stored, and the answer is sealed.
 */
public interface IdempotencyStore {

    /**
     * Claims the key within the current transaction. Empty: this request is the first and must call
     * {@link #complete}. Present: an earlier request already completed; a concurrent first request is waited for.
     */
    Optional<Earlier> claim(byte[] keyHash, byte[] fingerprint);

    void complete(byte[] keyHash, byte[] sealedAnswer);

    /** An earlier request with the same key: what it looked like and what it got. */
    record Earlier(byte[] fingerprint, byte[] sealedAnswer) {
    }
}
