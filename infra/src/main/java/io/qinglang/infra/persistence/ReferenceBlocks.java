package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Hands out a body's reference numbers for a year from blocks this node reserved ahead, so that intakes do not wait
 * on one another for a counter held until they commit. A block is one number while reports arrive slowly (the
 * numbers stay consecutive); while they come quickly each block doubles, up to {@value #MAX_BLOCK}, so a busy body
 * reserves a few times a second. Numbers are unique; gaps are allowed: a report that fails after taking its number,
 * and the rest of a block when the node stops, leave numbers unused. Across nodes the numbers interleave.
 */
public final class ReferenceBlocks {

    /** The largest block reserved at once. */
    static final int MAX_BLOCK = 64;
    private static final long QUICK_NANOS = 1_000_000_000L;

    /** Reserves {@code count} numbers of the body's year in the store; returns the first. */
    @FunctionalInterface
    public interface Reservation {
        long first(TenantId tenant, int year, int count);
    }

    private record Key(TenantId tenant, int year) {
    }

    private static final class Block {
        final ReentrantLock lock = new ReentrantLock();
        long next;
        long end;
        int size;
        long reservedAt;
    }

    private final Reservation reservation;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Key, Block> blocks = new ConcurrentHashMap<>();

    public ReferenceBlocks(Reservation reservation) {
        this(reservation, System::nanoTime);
    }

    ReferenceBlocks(Reservation reservation, LongSupplier nanoTime) {
        this.reservation = reservation;
        this.nanoTime = nanoTime;
    }

    /** The body's next reference number of {@code year}. */
    public long next(TenantId tenant, int year) {
        Block block = blocks.computeIfAbsent(new Key(tenant, year), key -> new Block());
        block.lock.lock(); // only this body's year waits here, and only while a block is reserved
        try {
            if (block.next == block.end) {
                long now = nanoTime.getAsLong();
                boolean quick = block.size > 0 && now - block.reservedAt < QUICK_NANOS;
                block.size = quick ? Math.min(MAX_BLOCK, block.size * 2) : 1;
                block.next = reservation.first(tenant, year, block.size);
                block.end = block.next + block.size;
                block.reservedAt = now;
            }
            return block.next++;
        } finally {
            block.lock.unlock();
        }
    }
}
