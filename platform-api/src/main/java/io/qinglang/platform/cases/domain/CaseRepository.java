package io.qinglang.platform.cases.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases of the tenant in scope, with their timelines and evidence. */
public interface CaseRepository {

    void add(Case c);

    void add(CaseEvent event);

    /** Stores the file's metadata and its sealed bytes. */
    void add(Evidence evidence, byte[] sealedContent);

    Optional<Case> findByReceiptHash(byte[] receiptHash);

    Optional<Case> find(CaseId id);

    Optional<Case> findByReference(ReferenceNumber reference);

    /** Cases matching the filter, newest first, starting after {@code after} (null: from the newest). */
    CasePage search(CaseFilter filter, CasePage.Position after, int limit);

    /** How many cases match the filter: as many as {@link #search} pages through. */
    long countMatching(CaseFilter filter);

    List<CaseEvent> events(CaseId id);

    List<CaseEvent> reporterVisibleEvents(CaseId id);

    List<Evidence> evidence(CaseId id);

    Optional<byte[]> sealedEvidenceContent(CaseId caseId, UUID evidenceId);

    long count();

    void add(CaseDeadline deadline);

    /** Every stage deadline of the case, oldest first. */
    List<CaseDeadline> deadlines(CaseId id);

    List<CaseDeadline> openDeadlines(CaseId id);

    /** The open stage deadlines of these cases (of a page of a list, say), in one read. */
    List<CaseDeadline> openDeadlines(Collection<CaseId> ids);

    void add(Decision decision);

    /** The case's decisions, oldest first (a reversed review leads to a second one). */
    List<Decision> decisions(CaseId id);

    void add(ExtensionRequest request);

    Optional<ExtensionRequest> extensionRequest(CaseId caseId, UUID requestId);

    List<ExtensionRequest> extensionRequests(CaseId id);

    /** The duplicates merged into this lead case, in order of receipt. */
    List<Case> mergedInto(CaseId lead);

    /**
     * Locks and returns up to {@code limit} stage deadlines whose next alert is due at {@code now}, skipping rows
     * another transaction holds, so that concurrent escalation runners never take the same one.
     */
    List<CaseDeadline> claimAlertsDue(java.time.Instant now, int limit);

    /** Cases of the tenant in scope referred to another body on the platform but not yet delivered there. */
    List<CaseId> pendingReferrals(int limit);

    /** The case this tenant created for a referral from {@code senderTenant}'s case, if it did. */
    Optional<Case> findReferredFrom(UUID senderTenant, CaseId senderCase);

    /** Writes pending changes now, so versions and constraint violations show before the answer is built. */
    void flush();
}
