package io.qinglang.platform.cases.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a reporter sees of their case: its state, deadlines, the reporter-visible timeline, whether a question
 * waits for their answer, the decision with its statement of reasons, until when they may appeal, and — for a
 * duplicate merged into another case — the lead case's state and decision; for a case referred to another body
 * on the platform, its progress there.
 */
public record CaseTracking(String reference, String status, Instant receivedAt, Instant acknowledgeBy,
                           boolean calendarIncomplete, boolean waitingForYourAnswer, String referredTo,
                           TrackedDecision decision, Instant appealUntil, Lead leadCase, List<Entry> timeline,
                           Referral referral) {

    CaseTracking withReferral(Referral to) {
        return new CaseTracking(reference, status, receivedAt, acknowledgeBy, calendarIncomplete, waitingForYourAnswer,
                referredTo, decision, appealUntil, leadCase, timeline, to);
    }

    /** The body on the platform the case was referred to, and how it stands there: the reporter follows it here. */
    public record Referral(String to, String reference, String status, TrackedDecision decision) {
    }

    /** One reporter-visible timeline entry with the files attached to it. */
    public record Entry(String type, Instant at, String by, String message, List<File> files) {
    }

    /** An evidence file's description (never its bytes). */
    public record File(UUID id, String name, String contentType, long size, String sha256) {
    }

    /** The decision as the reporter reads it. */
    public record TrackedDecision(String outcome, String reasons, Instant decidedAt) {
    }

    /** The case a duplicate was merged into: the reporter follows its progress and outcome. */
    public record Lead(String reference, String status, TrackedDecision decision) {
    }
}
