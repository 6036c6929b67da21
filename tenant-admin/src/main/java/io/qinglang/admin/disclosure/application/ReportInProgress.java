package io.qinglang.admin.disclosure.application;

import io.qinglang.platform.shared.domain.DomainException;

/** A version of the period's report is still queued or being made: wait for it rather than ask twice. */
public class ReportInProgress extends DomainException {

    public ReportInProgress(String period) {
        super("REPORT_IN_PROGRESS", Kind.CONFLICT, "A report for " + period
                + " is already queued or being made; follow it, and ask again once it is ready.");
    }
}
