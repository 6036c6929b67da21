package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceBlocksTest {

    private static final TenantId BODY = new TenantId(UUID.randomUUID());
    private static final TenantId OTHER = new TenantId(UUID.randomUUID());

    /** The counters as reference_counters keeps them: the next free number of each body's year. */
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private final List<Integer> reserved = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    private long reserve(TenantId tenant, int year, int count) {
        synchronized (reserved) {
            reserved.add(count);
        }
        return counters.merge(tenant + "/" + year, (long) count + 1, (was, add) -> was + add - 1) - count;
    }

    @Test
    void reportsArrivingSlowlyGetConsecutiveNumbersOneReservationEach() {
        ReferenceBlocks blocks = new ReferenceBlocks(this::reserve, nanos::get);
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nanos.addAndGet(2_000_000_000L); // two seconds apart
            numbers.add(blocks.next(BODY, 2026));
        }
        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reserved).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void aBusyBodyReservesDoublingBlocksUpToTheLargestAndBackToOneWhenItCalmsDown() {
        ReferenceBlocks blocks = new ReferenceBlocks(this::reserve, nanos::get);
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            nanos.addAndGet(1_000_000L); // a thousand a second
            numbers.add(blocks.next(BODY, 2026));
        }
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(n -> (long) n).toList());
        assertThat(reserved).startsWith(1, 2, 4, 8, 16, 32, 64, 64).allMatch(n -> n <= ReferenceBlocks.MAX_BLOCK);
        nanos.addAndGet(5_000_000_000L);
        long next = blocks.next(BODY, 2026);
        assertThat(next).as("the rest of the last block is used first").isEqualTo(301);
        assertThat(blocks.next(BODY, 2026)).isEqualTo(302);
    }

    @Test
    void eachBodyAndYearCountsOnItsOwn() {
        ReferenceBlocks blocks = new ReferenceBlocks(this::reserve, nanos::get);
        assertThat(blocks.next(BODY, 2026)).isEqualTo(1);
        assertThat(blocks.next(OTHER, 2026)).isEqualTo(1);
        assertThat(blocks.next(BODY, 2027)).isEqualTo(1);
        nanos.addAndGet(2_000_000_000L);
        assertThat(blocks.next(BODY, 2026)).isEqualTo(2);
    }

    @Test
    void concurrentReportsOnTwoNodesNeverShareANumber() throws Exception {
        ReferenceBlocks first = new ReferenceBlocks(this::reserve);
        ReferenceBlocks second = new ReferenceBlocks(this::reserve);
        ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4_000; i++) {
                ReferenceBlocks node = i % 2 == 0 ? first : second;
                executor.submit(() -> numbers.add(node.next(BODY, 2026)));
            }
        }
        assertThat(numbers).hasSize(4_000);
        assertThat(Set.copyOf(numbers)).hasSize(4_000);
        assertThat(numbers).allMatch(n -> n >= 1 && n <= 4_000 + 2 * ReferenceBlocks.MAX_BLOCK);
    }
}
