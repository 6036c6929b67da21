package io.qinglang.platform.cases.application;

import java.time.Instant;

/**
 * What the reporter gets back from intake — the only time the receipt code and claim secret are ever shown.
 * {@code acknowledgeBy} is fixed from the tenant's policy and calendar at the moment of receipt.
 */
public record IntakeReceipt(String reference, String receiptCode, String claimSecret, String status,
                            Instant receivedAt, Instant acknowledgeBy, boolean calendarIncomplete) {

    @Override
    public String toString() {
        return "IntakeReceipt[" + reference + ", redacted]";
    }
}
