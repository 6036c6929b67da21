package io.qinglang.admin.disclosure.application;

import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.shared.domain.DomainException;

/** The report's files are not there yet (it is queued or generating) or never will be (it failed). */
public class ReportNotReady extends DomainException {

    public ReportNotReady(DisclosureReport report) {
        super("REPORT_NOT_READY", Kind.CONFLICT, "Version " + report.version() + " of the report for " + report.period()
                + " is " + report.state().name().toLowerCase(java.util.Locale.ROOT) + ", not ready.");
    }
}
