package io.qinglang.platform.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    static Case aReceivedCase() {
        return Case.receive(CaseId.random(), ReferenceNumber.of("JB", 2026, 7),
                new Registration("web", "fraud", new Subject(SubjectType.URL, "https://x.example"), "d",
                        Anonymity.ANONYMOUS, false, NOW, false, new byte[32], new byte[32], null, null), NOW);
    }

    @Test
    void aCaseGoesFromReceiptThroughDecisionToClosure() {
        Case c = aReceivedCase();
        c.accept(NOW);
        c.startInvestigation(NOW);
        c.decide(NOW);
        c.close(NOW.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anUpheldAppealClosesTheCaseAgainAndAReversedOneReopensIt() {
        Case upheld = closed();
        upheld.appeal(NOW);
        upheld.upholdOnReview(NOW);
        assertThat(upheld.status()).isEqualTo(CaseStatus.CLOSED);

        Case reversed = closed();
        reversed.appeal(NOW);
        reversed.reverseOnReview(NOW);
        assertThat(reversed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void rejectedAndTransferredCasesAreFinal() {
        Case rejected = aReceivedCase();
        rejected.reject(NOW);
        Case transferred = aReceivedCase();
        transferred.transfer(NOW);
        for (Case c : new Case[]{rejected, transferred}) {
            assertThatThrownBy(() -> c.accept(NOW)).isInstanceOf(IllegalTransition.class);
            assertThat(c.status().open()).isFalse();
        }
    }

    @Test
    void anIllegalMoveNamesTheCurrentStateAndChangesNothing() {
        Case c = aReceivedCase();
        assertThatThrownBy(() -> c.decide(NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.current()).isEqualTo(CaseStatus.RECEIVED);
                    assertThat(e.getMessage()).contains("JB-2026-000007", "RECEIVED", "DECIDED");
                    assertThat(e.kind()).isEqualTo(io.qinglang.platform.shared.domain.DomainException.Kind.CONFLICT);
                });
        assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(c.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aReviewNeedsAnAppeal() {
        Case c = closed();
        assertThatThrownBy(() -> c.upholdOnReview(NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.reverseOnReview(NOW)).isInstanceOf(IllegalTransition.class);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void theTransitionTableIsDesignMdsLifecycle(CaseStatus from) {
        Set<CaseStatus> allowed = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus to : CaseStatus.values()) {
            if (from.canMoveTo(to)) {
                allowed.add(to);
            }
        }
        Set<CaseStatus> expected = switch (from) {
            case RECEIVED -> EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.REJECTED, CaseStatus.TRANSFERRED, CaseStatus.MERGED);
            case ACCEPTED -> EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.MERGED);
            case IN_PROGRESS -> EnumSet.of(CaseStatus.DECIDED, CaseStatus.MERGED);
            case DECIDED -> EnumSet.of(CaseStatus.CLOSED);
            case CLOSED -> EnumSet.of(CaseStatus.APPEALED);
            case APPEALED -> EnumSet.of(CaseStatus.CLOSED, CaseStatus.IN_PROGRESS);
            case REJECTED, TRANSFERRED, MERGED -> EnumSet.noneOf(CaseStatus.class);
        };
        assertThat(allowed).isEqualTo(expected);
    }

    private static Case closed() {
        Case c = aReceivedCase();
        c.accept(NOW);
        c.startInvestigation(NOW);
        c.decide(NOW);
        c.close(NOW);
        return c;
    }
}
