package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.domain.DomainException;

/** The Idempotency-Key was already used for a different request. */
public class IdempotencyKeyReused extends DomainException {

    public IdempotencyKeyReused() {
        super("IDEMPOTENCY_KEY_REUSED", Kind.CONFLICT,
                "This Idempotency-Key was already used for a different request; use a new key.");
    }
}
