package io.qinglang.platform.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.audit.domain.ChainLink;
import io.qinglang.platform.audit.domain.ChainSeqRefused;
import io.qinglang.platform.shared.application.DirectTenantTransactions;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailHeadTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final TenantId TENANT = TenantId.random();

    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final AuditTrail trail = new AuditTrail(log, new DirectTenantTransactions(), Clock.fixed(NOW, ZoneOffset.UTC), new ObjectMapper());
    private final AuditSequencer sequencer = new AuditSequencer(log, new DirectTenantTransactions());

    @Test
    void aTrailWithoutEventsStandsAtNumberZeroAndTheGenesisHash() {
        var head = trail.head(TENANT);
        assertThat(head.seq()).isZero();
        assertThat(head.hash()).isEqualTo("0".repeat(64));
        assertThat(head.occurredAt()).isNull();
        assertThat(head.asOf()).isEqualTo(NOW);
        assertThatThrownBy(() -> trail.head(TENANT, "1", "/query/seq")).isInstanceOfSatisfying(ChainSeqRefused.class,
                e -> assertThat(e.code()).isEqualTo("SEQ_BEYOND_HEAD"));
    }

    @Test
    void theHeadIsTheLatestEventAndAnEarlierNumberGivesTheHashStoredThere() {
        for (int i = 0; i < 3; i++) {
            trail.record(TENANT, AuditRecord.byReporter("CASE_RECEIVED", "case-" + i, "{}"));
        }
        sequencer.sealNow(TENANT);
        // an event still waiting to be sealed is not in the chain yet, so not its head
        trail.record(TENANT, AuditRecord.byReporter("CASE_RECEIVED", "case-waiting", "{}"));
        AuditEntry second = log.entries.get(1);
        AuditEntry last = log.entries.get(2);
        AuditTrail.HeadReading reading = trail.head(TENANT, "2", "/query/seq");
        assertThat(reading.head().seq()).isEqualTo(3);
        assertThat(reading.head().hash()).isEqualTo(HexFormat.of().formatHex(last.hash()));
        assertThat(reading.head().occurredAt()).isEqualTo(last.occurredAt());
        assertThat(reading.atSeq()).isEqualTo(new ChainLink(2, HexFormat.of().formatHex(second.hash()), second.occurredAt()));
        assertThat(trail.head(TENANT, "003", "/query/seq").atSeq().seq()).isEqualTo(3);
        assertThat(trail.head(TENANT).hash()).isEqualTo(reading.head().hash());
        assertThat(trail.verify(TENANT).intact()).isTrue();
        sequencer.sealNow(TENANT);
        assertThat(trail.head(TENANT).seq()).isEqualTo(4);
    }

    @Test
    void aNumberThatIsNotOneFromOneOrLiesPastTheHeadIsRefusedNamingTheField() {
        trail.record(TENANT, AuditRecord.byReporter("CASE_RECEIVED", "case", "{}"));
        sequencer.sealNow(TENANT);
        for (String bad : List.of("0", "000", "-1", "+1", "1.5", "1e3", "abc", "", " 1", "١")) {
            assertThatThrownBy(() -> trail.head(TENANT, bad, "/query/seq")).as(bad)
                    .isInstanceOfSatisfying(ChainSeqRefused.class, e -> {
                        assertThat(e.code()).isEqualTo("SEQ_INVALID");
                        assertThat(e.errors()).extracting(FieldError::pointer).containsExactly("/query/seq");
                    });
        }
        for (String past : List.of("2", "9223372036854775807", "99999999999999999999999999")) {
            assertThatThrownBy(() -> trail.head(TENANT, past, "/query/seq")).as(past)
                    .isInstanceOfSatisfying(ChainSeqRefused.class, e -> {
                        assertThat(e.code()).isEqualTo("SEQ_BEYOND_HEAD");
                        assertThat(e.errors()).extracting(FieldError::detail).containsExactly(
                                "names no event yet: the chain's head is event 1");
                    });
        }
    }

    @Test
    void aKeptHashIsReadAsPastedWithSpacesLineBreaksAndEitherCase() {
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(ChainLink.keptHash(" 9F86D081884C7D65 9a2feaa0c55ad015\na3bf4f1b2b0b822c\r\nd15d6c15b0f00a08 ")).contains(hash);
        assertThat(ChainLink.keptHash(hash.substring(1))).isEmpty();
        assertThat(ChainLink.keptHash(hash.replace('a', 'g'))).isEmpty();
        assertThat(ChainLink.keptHash(hash + "0")).isEmpty();
    }

    /** One tenant's trail in a list: waiting events have seq 0 until sealed in place. */
    private static final class InMemoryAuditLog implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void write(AuditEntry waiting) {
            entries.add(waiting);
        }

        @Override
        public boolean claimChain(boolean wait) {
            return true;
        }

        @Override
        public Optional<AuditEntry> last() {
            return entries.stream().filter(AuditEntry::sealed).reduce((a, b) -> b);
        }

        @Override
        public Optional<ChainLink> link(long seq) {
            return entries.stream().filter(e -> e.sealed() && e.seq() == seq).findFirst().map(ChainLink::of);
        }

        @Override
        public List<Waiting> waiting(int limit) {
            List<Waiting> waiting = new ArrayList<>();
            for (int i = 0; i < entries.size() && waiting.size() < limit; i++) {
                if (!entries.get(i).sealed()) {
                    waiting.add(new Waiting(i, entries.get(i)));
                }
            }
            return waiting;
        }

        @Override
        public long waitingCount() {
            return entries.stream().filter(e -> !e.sealed()).count();
        }

        @Override
        public void seal(long id, AuditEntry sealed) {
            entries.set((int) id, sealed);
        }

        @Override
        public Optional<Instant> lastOccurredAt() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast().occurredAt());
        }

        @Override
        public List<AuditEntry> after(long afterSeq, int limit) {
            return entries.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public List<AuditEntry> search(AuditQuery query) {
            return List.of();
        }
    }
}
