package io.qinglang.platform.audit.domain;

import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private final TenantId tenant = TenantId.random();

    @Test
    void aChainBuiltEventByEventIsIntact() {
        assertThat(verify(chainOf(5))).isEqualTo(new ChainVerification(true, 5, null, null, 0));
        assertThat(verify(List.of())).isEqualTo(new ChainVerification(true, 0, null, null, 0));
    }

    @Test
    void aChangedFieldIsFoundAtItsEvent() {
        List<AuditEntry> events = chainOf(5);
        AuditEntry third = events.get(2);
        events.set(2, new AuditEntry(third.seq(), third.occurredAt(), third.actorKind(), third.actorId(), third.action(),
                third.subjectType(), third.subjectId(), "a reason added afterwards", third.details(), third.prevHash(),
                third.hash()));
        ChainVerification result = verify(events);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.eventsVerified()).isEqualTo(2);
    }

    @Test
    void aRemovedEventIsFound() {
        List<AuditEntry> events = chainOf(5);
        events.remove(1);
        assertThat(verify(events).firstBrokenSeq()).isEqualTo(2);
        assertThat(verify(events).problem()).contains("missing");
    }

    @Test
    void aRewrittenTailWithRecomputedHashesStillBreaksAtTheFirstLink() {
        List<AuditEntry> events = chainOf(4);
        AuditEntry second = events.get(1);
        AuditEntry forged = new AuditEntry(2, second.occurredAt(), "STAFF", "mallory", "CASE_CLOSED", "CASE", "x", null,
                null, new byte[32], null);
        events.set(1, new AuditEntry(2, forged.occurredAt(), "STAFF", "mallory", "CASE_CLOSED", "CASE", "x", null, null,
                new byte[32], AuditChain.hash(tenant, forged, new byte[32])));
        assertThat(verify(events).firstBrokenSeq()).isEqualTo(2);
        assertThat(verify(events).problem()).contains("link");
    }

    @Test
    void theSameEventsHashDifferentlyForAnotherTenant() {
        AuditEntry first = chainOf(1).getFirst();
        assertThat(AuditChain.hash(TenantId.random(), first, AuditChain.GENESIS)).isNotEqualTo(first.hash());
    }

    private List<AuditEntry> chainOf(int n) {
        List<AuditEntry> events = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry unhashed = new AuditEntry(seq, Instant.parse("2026-05-06T01:02:03Z").plusSeconds(seq), "REPORTER",
                    null, "CASE_RECEIVED", "CASE", "case-" + seq, null, "{\"files\":0}", previous, null);
            byte[] hash = AuditChain.hash(tenant, unhashed, previous);
            events.add(new AuditEntry(seq, unhashed.occurredAt(), "REPORTER", null, "CASE_RECEIVED", "CASE",
                    "case-" + seq, null, "{\"files\":0}", previous, hash));
            previous = hash;
        }
        return events;
    }

    private ChainVerification verify(List<AuditEntry> events) {
        AuditChain chain = new AuditChain(tenant);
        events.forEach(chain::accept);
        return chain.result();
    }
}
