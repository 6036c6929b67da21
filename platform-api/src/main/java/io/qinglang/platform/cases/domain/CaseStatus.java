package io.qinglang.platform.cases.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a case; a case is always in exactly one. The allowed moves are DESIGN.md's lifecycle:
 * {@code RECEIVED → ACCEPTED | REJECTED | TRANSFERRED}, {@code ACCEPTED → IN_PROGRESS → DECIDED → CLOSED},
 * {@code CLOSED → APPEALED → CLOSED} (review upheld) or {@code APPEALED → IN_PROGRESS} (review reversed), and
 * {@code MERGED} for a duplicate, from any state before a decision.
 */
public enum CaseStatus {
    RECEIVED, ACCEPTED, REJECTED, TRANSFERRED, IN_PROGRESS, DECIDED, CLOSED, APPEALED, MERGED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(ACCEPTED, REJECTED, TRANSFERRED, MERGED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, MERGED),
            IN_PROGRESS, EnumSet.of(DECIDED, MERGED),
            DECIDED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.of(APPEALED),
            APPEALED, EnumSet.of(CLOSED, IN_PROGRESS),
            REJECTED, EnumSet.noneOf(CaseStatus.class),
            TRANSFERRED, EnumSet.noneOf(CaseStatus.class),
            MERGED, EnumSet.noneOf(CaseStatus.class));

    /** Whether the lifecycle allows moving from this state to {@code target}. */
    public boolean canMoveTo(CaseStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Whether the case is still being handled: the reporter may still add information to a case in this state. */
    public boolean open() {
        return this != CLOSED && this != REJECTED && this != TRANSFERRED && this != MERGED;
    }

    /** The states in which a case is {@link #open()}. */
    public static Set<CaseStatus> openStates() {
        return Arrays.stream(values()).filter(CaseStatus::open)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    }
}
