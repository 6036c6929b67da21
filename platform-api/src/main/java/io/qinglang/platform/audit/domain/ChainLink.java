package io.qinglang.platform.audit.domain;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One event's place in a tenant's chain: its number, its hash (SHA-256, lowercase hex) and when it happened. The
 * link of the latest event is the chain's head; since every hash covers the one before it, the hash at a number
 * stays the same for as long as no event up to that number is changed, removed or put in another order.
 */
public record ChainLink(long seq, String hash, Instant occurredAt) {

    /** Where a chain without events stands: number 0 and the genesis hash, the "previous hash" of event 1. */
    public static final ChainLink GENESIS = new ChainLink(0, HexFormat.of().formatHex(AuditChain.GENESIS), null);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public static ChainLink of(long seq, byte[] hash, Instant occurredAt) {
        return new ChainLink(seq, HexFormat.of().formatHex(hash), occurredAt);
    }

    /** A sealed event's link. */
    public static ChainLink of(AuditEntry sealed) {
        return of(sealed.seq(), sealed.hash(), sealed.occurredAt());
    }

    /**
     * A hash as someone kept it and typed or pasted it back (copied from a PDF it may be broken over lines; either
     * case), as this record writes it; empty when it is not 64 hexadecimal digits.
     */
    public static Optional<String> keptHash(String typed) {
        String hash = typed.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return HASH.matcher(hash).matches() ? Optional.of(hash) : Optional.empty();
    }
}
