package io.qinglang.platform.cases.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegalHoldTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void aHoldNamesWhyWhoAndSinceAndLeavesTheCasesEndAlone() {
        Case c = CaseLifecycleTest.aReceivedCase();
        c.reject("outside our remit", null, NOW);
        Instant ended = c.updatedAt();
        c.placeOnLegalHold("records requested by a court", "supervisor@x", NOW.plusSeconds(3600));
        assertThat(c.legalHold()).contains(new LegalHold("records requested by a court", "supervisor@x",
                NOW.plusSeconds(3600)));
        assertThat(c.updatedAt()).as("a hold does not move when the case ended").isEqualTo(ended);
        c.releaseLegalHold();
        assertThat(c.legalHold()).isEmpty();
    }

    @Test
    void aSecondHoldAndAReleaseWithoutOneAreConflicts() {
        Case c = CaseLifecycleTest.aReceivedCase();
        assertThatThrownBy(c::releaseLegalHold).isInstanceOfSatisfying(CaseRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("NOT_ON_LEGAL_HOLD"));
        c.placeOnLegalHold("an authority asked us to keep it", "s", NOW);
        assertThatThrownBy(() -> c.placeOnLegalHold("again", "s", NOW)).isInstanceOfSatisfying(CaseRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("ALREADY_ON_LEGAL_HOLD"));
    }
}
