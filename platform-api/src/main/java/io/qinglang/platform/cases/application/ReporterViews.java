package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.shared.domain.TenantId;

import java.util.Optional;

/**
 * The reporter's view of a case ({@link CaseTracking}), read for display only: the one place it is built. Reads the few
 * columns the view shows in one read-only transaction of the tenant, outside any other transaction (it sees what is
 * committed), without entities; a receipt lookup is the platform's most frequent request. The progress at a body the
 * case was referred to on the platform is not included: {@link TrackingService} adds it.
 */
public interface ReporterViews {

    /** The view of the tenant's case whose receipt code hashes to {@code receiptHash}, if there is one. */
    Optional<ReporterView> byReceiptHash(TenantId tenant, byte[] receiptHash);

    /** The view of the tenant's case with this id, if there is one. */
    Optional<ReporterView> byId(TenantId tenant, CaseId id);

    /**
     * A reporter's view of one case, and whether the case was referred to another body on the platform, where it
     * continues (its progress there is read in that body's scope).
     */
    record ReporterView(TenantId tenant, CaseId caseId, CaseTracking view, boolean referredOnPlatform) {
    }
}
