package io.qinglang.platform.cases.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The reporter's only credential: 16 characters of Crockford base32 (80 random bits), grouped in fours
 * so it can be read aloud on a hotline, e.g. {@code 7KQ2-M9XD-4HTP-RW3C}. Shown once at intake; only a
 * keyed hash is stored. {@link #toString()} never reveals the code, so it cannot leak into a log line.
 */
public final class ReceiptCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;

    private final String value;

    private ReceiptCode(String value) {
        this.value = value;
    }

    public static ReceiptCode generate(SecureRandom random) {
        return new ReceiptCode(randomSymbols(random, LENGTH));
    }

    /** Reads a code as a person typed it: any case, with or without separators, I/L read as 1 and O as 0. */
    public static Optional<ReceiptCode> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String normalized = normalize(typed);
        return normalized.length() == LENGTH ? Optional.of(new ReceiptCode(normalized)) : Optional.empty();
    }

    static String normalize(String typed) {
        StringBuilder symbols = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char symbol = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) >= 0) {
                symbols.append(symbol);
            } else if (c != '-' && c != ' ') {
                return "";
            }
        }
        return symbols.toString();
    }

    static String randomSymbols(SecureRandom random, int length) {
        char[] symbols = new char[length];
        for (int i = 0; i < length; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(symbols);
    }

    /** The canonical symbols, for hashing only. */
    public String canonical() {
        return value;
    }

    /** The code as shown to the reporter once, grouped in fours. */
    public String grouped() {
        return String.join("-", value.substring(0, 4), value.substring(4, 8), value.substring(8, 12),
                value.substring(12, 16));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiptCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ReceiptCode[redacted]";
    }
}
