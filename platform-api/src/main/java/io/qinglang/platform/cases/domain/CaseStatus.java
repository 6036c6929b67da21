package io.qinglang.platform.cases.domain;

/** The states of a case; a case is always in exactly one. See DESIGN.md, "The case lifecycle". */
public enum CaseStatus {
    RECEIVED, ACCEPTED, REJECTED, TRANSFERRED, IN_PROGRESS, DECIDED, CLOSED, APPEALED, MERGED;

    /** Whether the reporter may still add information to a case in this state. */
    public boolean open() {
        return this != CLOSED && this != REJECTED && this != TRANSFERRED && this != MERGED;
    }
}
