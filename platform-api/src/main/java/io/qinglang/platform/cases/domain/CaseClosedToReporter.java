package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** The case has reached a state in which the reporter can no longer add information. */
public class CaseClosedToReporter extends DomainException {

    public CaseClosedToReporter(ReferenceNumber reference, CaseStatus status) {
        super("CASE_CLOSED_TO_REPORTER", Kind.CONFLICT,
                "Case " + reference + " is " + status + " and takes no more information.");
    }
}
