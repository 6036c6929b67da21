package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.Severity;
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
                        Anonymity.ANONYMOUS, false, Severity.ORDINARY, NOW, false, new byte[32], new byte[32], null, null), NOW);
    }

    @Test
    void aCaseGoesFromReceiptThroughDecisionToClosure() {
        Case c = aReceivedCase();
        c.accept(NOW);
        c.startInvestigation(NOW);
        c.decide(Outcome.SUBSTANTIATED, "wang", NOW);
        c.feedbackGiven(NOW);
        c.close(NOW.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anUpheldAppealClosesTheCaseAgainAndAReversedOneReopensIt() {
        Case upheld = closed();
        upheld.appeal(NOW);
        upheld.upholdOnReview("li", NOW);
        assertThat(upheld.status()).isEqualTo(CaseStatus.CLOSED);

        Case reversed = closed();
        reversed.appeal(NOW);
        reversed.reverseOnReview("li", NOW);
        assertThat(reversed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void rejectedAndTransferredCasesAreFinal() {
        Case rejected = aReceivedCase();
        rejected.reject("outside our remit", "12377", NOW);
        Case transferred = aReceivedCase();
        transferred.transfer("Public security bureau", "criminal matter", NOW);
        for (Case c : new Case[]{rejected, transferred}) {
            assertThatThrownBy(() -> c.accept(NOW)).isInstanceOf(IllegalTransition.class);
            assertThat(c.status().open()).isFalse();
        }
    }

    @Test
    void anIllegalMoveNamesTheCurrentStateAndChangesNothing() {
        Case c = aReceivedCase();
        assertThatThrownBy(() -> c.decide(Outcome.UNSUBSTANTIATED, "wang", NOW))
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
        assertThatThrownBy(() -> c.upholdOnReview("li", NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.reverseOnReview("li", NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theHandlerWhoDecidedCannotReviewTheAppeal() {
        Case c = closed();
        c.appeal(NOW);
        assertThatThrownBy(() -> c.upholdOnReview("wang", NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("REVIEWER_IS_DECIDER"));
        assertThat(c.status()).isEqualTo(CaseStatus.APPEALED);
    }

    @Test
    void anAppealedCaseIsClosedOnlyByAReviewNotByClosingIt() {
        Case c = closed();
        c.appeal(NOW);
        c.requestInformation(NOW);
        assertThatThrownBy(() -> c.close(NOW)).isInstanceOf(IllegalTransition.class);
        assertThat(c.status()).isEqualTo(CaseStatus.APPEALED);
        c.upholdOnReview("li", NOW.plusSeconds(1));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.stopWaiting(NOW.plusSeconds(2))).as("an upheld review ends any wait").isEmpty();
    }

    @Test
    void aReversedDecisionNoLongerStands() {
        Case c = closed();
        assertThat(c.outcome()).contains(Outcome.SUBSTANTIATED);
        c.appeal(NOW);
        c.reverseOnReview("li", NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.outcome()).isEmpty();
    }

    @Test
    void aDuplicateFollowsItsLeadWhenTheLeadIsMergedInTurn() {
        Case first = aReceivedCase();
        Case duplicate = aReceivedCase();
        Case finalLead = aReceivedCase();
        duplicate.mergeInto(first, NOW);
        first.mergeInto(finalLead, NOW);
        duplicate.followLead(finalLead, NOW);
        assertThat(duplicate.leadCase()).contains(finalLead.id());
        assertThatThrownBy(() -> finalLead.followLead(first, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecidedCaseClosesOnlyAfterFeedbackOrItsImpossibility() {
        Case c = aReceivedCase();
        c.accept(NOW);
        c.assign("network-security", "wang", NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        c.decide(Outcome.UNSUBSTANTIATED, "wang", NOW);
        assertThatThrownBy(() -> c.close(NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("FEEDBACK_MISSING"));
        c.feedbackImpossible("anonymous, no contact given", NOW);
        assertThatThrownBy(() -> c.feedbackGiven(NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("FEEDBACK_ALREADY_RECORDED"));
        c.close(NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aCaseWaitsForTheReporterOnceAtATime() {
        Case c = aReceivedCase();
        c.requestInformation(NOW);
        assertThatThrownBy(() -> c.requestInformation(NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("ALREADY_WAITING"));
        assertThat(c.stopWaiting(NOW.plusSeconds(5))).contains(NOW);
        assertThat(c.stopWaiting(NOW.plusSeconds(6))).isEmpty();
    }

    @Test
    void aDuplicateIsMergedIntoAnOpenLeadButNotIntoItselfOrAFinishedCase() {
        Case lead = aReceivedCase();
        Case duplicate = aReceivedCase();
        assertThatThrownBy(() -> duplicate.mergeInto(duplicate, NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("MERGE_INTO_ITSELF"));
        Case rejected = aReceivedCase();
        rejected.reject("not ours", null, NOW);
        assertThatThrownBy(() -> duplicate.mergeInto(rejected, NOW))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.code()).isEqualTo("LEAD_NOT_OPEN"));
        duplicate.mergeInto(lead, NOW);
        assertThat(duplicate.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(duplicate.leadCase()).contains(lead.id());
        assertThatThrownBy(() -> aReceivedCase().mergeInto(duplicate, NOW)).isInstanceOf(CaseRuleViolation.class);
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
        c.decide(Outcome.SUBSTANTIATED, "wang", NOW);
        c.feedbackGiven(NOW);
        c.close(NOW);
        return c;
    }
}
