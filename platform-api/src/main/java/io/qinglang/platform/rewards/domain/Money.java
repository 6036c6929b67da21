package io.qinglang.platform.rewards.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Amounts as people write them (500.00 CNY) and as they are stored (50000 minor units). */
public final class Money {

    /** The largest amount accepted anywhere, in major units: a trillion. */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");

    private Money() {
    }

    /** The ISO 4217 currency with this code, if it is one. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the amount has no more decimals than the currency's minor unit allows (2 for CNY, 0 for JPY). */
    public static boolean fits(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.stripTrailingZeros().scale() <= digits;
    }

    public static long toMinor(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.movePointRight(digits).longValueExact();
    }

    public static BigDecimal fromMinor(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency.strip()).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits);
    }
}
