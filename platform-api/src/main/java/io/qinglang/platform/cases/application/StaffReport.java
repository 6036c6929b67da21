package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.domain.InputErrors;

import java.time.Duration;
import java.time.Instant;

/**
 * A report a member of staff registers for a reporter who phoned, wrote, e-mailed or came in: the public
 * report's fields, any of the tenant's channels, and when it was received (default: now; at most
 * {@link #MAX_AGE} back, never in the future), from which its deadlines run.
 */
public record StaffReport(String channel, String category, SubmitReport.SubjectInput subject, String description,
                          String anonymity, SubmitReport.ReporterInput reporter, SubmitReport.ContactInput contact,
                          Boolean consentToShareIdentity, Instant receivedAt) {

    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public SubmitReport report() {
        return new SubmitReport(channel, category, subject, description, anonymity, reporter, contact,
                consentToShareIdentity);
    }

    /** Names every wrong field, the receipt time included. */
    public void validate(Instant now) {
        InputErrors errors = new InputErrors();
        report().validate(errors);
        if (receivedAt != null && receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add("/receivedAt", "must not be in the future");
        } else if (receivedAt != null && receivedAt.isBefore(now.minus(MAX_AGE))) {
            errors.add("/receivedAt", "must be within the last " + MAX_AGE.toDays() + " days");
        }
        errors.throwIfAny();
    }
}
