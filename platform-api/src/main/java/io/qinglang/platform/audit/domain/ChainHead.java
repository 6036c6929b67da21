package io.qinglang.platform.audit.domain;

import java.time.Instant;

/**
 * A tenant's chain head as read at {@code asOf}: the number, hash and time of its latest event ({@link
 * ChainLink#GENESIS}'s before the first). Published, so that anyone who keeps it can later ask for the hash stored
 * at its number: a different hash means the trail up to it was rewritten.
 */
public record ChainHead(long seq, String hash, Instant occurredAt, Instant asOf) {

    public static ChainHead of(ChainLink latest, Instant asOf) {
        return new ChainHead(latest.seq(), latest.hash(), latest.occurredAt(), asOf);
    }
}
