package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads and hashes the secrets reporters hold, the same way at intake and at every lookup. */
@ApplicationScoped
public class ReporterSecrets {

    static final String RECEIPT = "receipt";
    static final String CLAIM = "claim";
    static final String IDEMPOTENCY = "idempotency";

    private final SecretHasher hasher;

    @Inject
    public ReporterSecrets(SecretHasher hasher) {
        this.hasher = hasher;
    }

    public byte[] receiptHash(TenantId tenant, ReceiptCode code) {
        return hasher.hash(tenant, RECEIPT, code.canonical());
    }

    /** A claim secret as typed; refuses malformed input naming the field (before any lookup, so it reveals nothing). */
    public static ReceiptCode parseClaimSecret(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidInput.of("/claimSecret", "is required");
        }
        return ReceiptCode.parse(typed).orElseThrow(() -> InvalidInput.of("/claimSecret",
                "must be the 16-character claim secret given with the receipt, e.g. 7KQ2-M9XD-4HTP-RW3C"));
    }

    public byte[] claimSecretHash(TenantId tenant, ReceiptCode secret) {
        return hasher.hash(tenant, CLAIM, secret.canonical());
    }

    public byte[] hash(TenantId tenant, String purpose, String secret) {
        return hasher.hash(tenant, purpose, secret);
    }

    /** A receipt code as typed by a reporter; refuses malformed input naming the field. */
    public static ReceiptCode parseReceipt(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidInput.of("/receiptCode", "is required");
        }
        return ReceiptCode.parse(typed).orElseThrow(() -> InvalidInput.of("/receiptCode",
                "must be the 16-character receipt code, e.g. 7KQ2-M9XD-4HTP-RW3C"));
    }
}
