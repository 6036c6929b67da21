package io.qinglang.admin.onboarding.application;

import java.util.Map;
import java.util.Set;

/** All of the tenant in scope's rows, for its departure. */
public interface TenantData {

    /** What a body that has left keeps: its audit trail and its archived disclosure reports, free of personal data. */
    Set<String> KEPT = Set.of("audit_events", "disclosure_reports", "disclosure_documents");

    /**
     * Locks the tenant in scope's row if it is leaving and its grace period has ended at {@code now} ({@code SKIP
     * LOCKED}: a departure another node is doing is passed by); false if not.
     */
    boolean claimDeparture(java.time.Instant now);

    /** Deletes every row of the tenant in scope but the {@link #KEPT} ones; returns the rows deleted per table. */
    Map<String, Integer> deleteAll();

    /** Ends the console sessions of the body's staff; returns how many. */
    int endSessions(String slug);
}
