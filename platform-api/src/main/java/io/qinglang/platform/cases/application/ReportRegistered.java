package io.qinglang.platform.cases.application;

/**
 * A report was registered as a new case of the body {@code tenantSlug}, from outside or by a member of staff (a retry
 * answered from its idempotency record registers nothing). Fired in the registering transaction; it says nothing about
 * the report itself, so whoever observes it (the operator's metrics) learns no more than that one arrived.
 */
public record ReportRegistered(String tenantSlug, boolean byStaff) {
}
