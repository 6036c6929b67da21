package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** The lifecycle does not allow this move from the case's current state. */
public class IllegalTransition extends DomainException {

    private final CaseStatus current;

    public IllegalTransition(ReferenceNumber reference, CaseStatus current, CaseStatus target) {
        super("ILLEGAL_TRANSITION", Kind.CONFLICT,
                "Case " + reference + " is " + current + " and cannot become " + target + ".");
        this.current = current;
    }

    public CaseStatus current() {
        return current;
    }
}
