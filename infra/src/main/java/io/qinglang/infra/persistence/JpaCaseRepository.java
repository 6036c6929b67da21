package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.Decision;
import io.qinglang.platform.cases.domain.ExtensionRequest;
import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases of the tenant in scope; evidence bytes live in {@code evidence_content}, apart from the metadata. */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

    private final TenantEntities entities;

    @Inject
    public JpaCaseRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void add(Case c) {
        entities.forTenant().persist(c);
    }

    @Override
    public void add(CaseEvent event) {
        entities.forTenant().persist(event);
    }

    @Override
    public void add(Evidence evidence, byte[] sealedContent) {
        var em = entities.forTenant();
        em.persist(evidence);
        em.flush();
        em.createNativeQuery("insert into evidence_content (tenant_id, evidence_id, sealed) "
                        + "values (qinglang_current_tenant(), ?1, ?2)")
                .setParameter(1, evidence.id()).setParameter(2, sealedContent).executeUpdate();
    }

    @Override
    public Optional<Case> findByReceiptHash(byte[] receiptHash) {
        return entities.forTenant().createQuery("select c from Case c where c.receiptHash = :hash", Case.class)
                .setParameter("hash", receiptHash).getResultStream().findFirst();
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return entities.forTenant().createQuery("select c from Case c where c.id = :id", Case.class)
                .setParameter("id", id.value()).getResultStream().findFirst();
    }

    @Override
    public Optional<Case> findByReference(io.qinglang.platform.cases.domain.ReferenceNumber reference) {
        return entities.forTenant().createQuery("select c from Case c where c.reference = :reference", Case.class)
                .setParameter("reference", reference.value()).getResultStream().findFirst();
    }

    @Override
    public CasePage search(CaseFilter filter, CasePage.Position after, int limit) {
        CaseSearch search = new CaseSearch(filter, after);
        var query = entities.forTenant().createQuery(search.jpql(), Case.class).setMaxResults(limit + 1);
        search.parameters().forEach(query::setParameter);
        List<Case> found = query.getResultList();
        List<Case> page = found.subList(0, Math.min(limit, found.size()));
        CasePage.Position next = found.size() > limit
                ? new CasePage.Position(page.getLast().receivedAt(), page.getLast().id().value()) : null;
        return new CasePage(List.copyOf(page), next);
    }

    @Override
    public long countMatching(CaseFilter filter) {
        CaseSearch search = new CaseSearch(filter, null);
        var query = entities.forTenant().createQuery(search.countJpql(), Long.class);
        search.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }

    @Override
    public List<CaseEvent> events(CaseId id) {
        return entities.forTenant().createQuery("select e from CaseEvent e where e.caseId = :id order by e.occurredAt, e.id",
                        CaseEvent.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<CaseEvent> reporterVisibleEvents(CaseId id) {
        return entities.forTenant().createQuery("select e from CaseEvent e where e.caseId = :id and e.reporterVisible = true "
                        + "order by e.occurredAt, e.id", CaseEvent.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<Evidence> evidence(CaseId id) {
        return entities.forTenant().createQuery("select e from Evidence e where e.caseId = :id order by e.uploadedAt, e.fileName",
                        Evidence.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public Optional<byte[]> sealedEvidenceContent(CaseId caseId, UUID evidenceId) {
        List<?> rows = entities.forTenant().createNativeQuery("select c.sealed from evidence_content c "
                        + "join evidence e on e.tenant_id = c.tenant_id and e.id = c.evidence_id "
                        + "where c.evidence_id = ?1 and e.case_id = ?2")
                .setParameter(1, evidenceId).setParameter(2, caseId.value()).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    @Override
    public long count() {
        return entities.forTenant().createQuery("select count(c) from Case c", Long.class).getSingleResult();
    }

    @Override
    public void add(CaseDeadline deadline) {
        entities.forTenant().persist(deadline);
    }

    @Override
    public List<CaseDeadline> deadlines(CaseId id) {
        return entities.forTenant().createQuery("select d from CaseDeadline d where d.caseId = :id "
                        + "order by d.startedAt, d.stage", CaseDeadline.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<CaseDeadline> openDeadlines(CaseId id) {
        return entities.forTenant().createQuery("select d from CaseDeadline d where d.caseId = :id "
                        + "and d.completedAt is null order by d.startedAt, d.stage", CaseDeadline.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<CaseDeadline> openDeadlines(Collection<CaseId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entities.forTenant().createQuery("select d from CaseDeadline d where d.caseId in :ids "
                        + "and d.completedAt is null", CaseDeadline.class)
                .setParameter("ids", ids.stream().map(CaseId::value).toList()).getResultList();
    }

    @Override
    public void add(Decision decision) {
        entities.forTenant().persist(decision);
    }

    @Override
    public List<Decision> decisions(CaseId id) {
        return entities.forTenant().createQuery("select d from Decision d where d.caseId = :id order by d.decidedAt",
                        Decision.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public void add(ExtensionRequest request) {
        entities.forTenant().persist(request);
    }

    @Override
    public Optional<ExtensionRequest> extensionRequest(CaseId caseId, UUID requestId) {
        return entities.forTenant().createQuery("select r from ExtensionRequest r where r.caseId = :case "
                        + "and r.id = :id", ExtensionRequest.class)
                .setParameter("case", caseId.value()).setParameter("id", requestId).getResultStream().findFirst();
    }

    @Override
    public List<ExtensionRequest> extensionRequests(CaseId id) {
        return entities.forTenant().createQuery("select r from ExtensionRequest r where r.caseId = :id "
                        + "order by r.requestedAt", ExtensionRequest.class)
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<Case> mergedInto(CaseId lead) {
        return entities.forTenant().createQuery("select c from Case c where c.leadCaseId = :lead "
                        + "order by c.receivedAt, c.id", Case.class)
                .setParameter("lead", lead.value()).getResultList();
    }

    @Override
    public void flush() {
        entities.forTenant().flush();
    }

    @Override
    public List<CaseDeadline> claimAlertsDue(java.time.Instant now, int limit) {
        return SkipLocked.claim(entities.forTenant(), CaseDeadline.class, "case_deadlines", "next_alert_at",
                "completed_at is null", now, limit);
    }

    @Override
    public List<CaseId> pendingReferrals(int limit) {
        return entities.forTenant().createQuery("select c.id from Case c where c.referredTenantId is not null "
                        + "and c.referralDeliveredAt is null order by c.updatedAt", UUID.class)
                .setMaxResults(limit).getResultList().stream().map(CaseId::new).toList();
    }

    @Override
    public Optional<Case> findReferredFrom(UUID senderTenant, CaseId senderCase) {
        return entities.forTenant().createQuery("select c from Case c where c.referredFromTenantId = :tenant "
                        + "and c.referredFromCaseId = :case", Case.class)
                .setParameter("tenant", senderTenant).setParameter("case", senderCase.value())
                .getResultStream().findFirst();
    }
}
