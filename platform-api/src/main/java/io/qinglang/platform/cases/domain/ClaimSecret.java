package io.qinglang.platform.cases.domain;

import java.security.SecureRandom;

/**
 * A second secret given at intake with the receipt code, needed (with the receipt) to claim a reward
 * anonymously, so that someone who only saw the receipt cannot collect it. 16 symbols, 80 bits; shown once,
 * only its keyed hash is stored.
 */
public final class ClaimSecret {

    private final String value;

    private ClaimSecret(String value) {
        this.value = value;
    }

    public static ClaimSecret generate(SecureRandom random) {
        return new ClaimSecret(ReceiptCode.randomSymbols(random, ReceiptCode.LENGTH));
    }

    public String canonical() {
        return value;
    }

    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() {
        return "ClaimSecret[redacted]";
    }
}
