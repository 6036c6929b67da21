package io.qinglang.infra.persistence;

import io.qinglang.platform.retention.domain.PurgeCandidate;
import io.qinglang.platform.retention.domain.PurgeCounts;
import io.qinglang.platform.retention.domain.PurgeStore;
import io.qinglang.platform.retention.domain.RetentionOutlook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The retention purge in SQL, set by set within the tenant in scope (row-level security confines every statement as
 * well). Timeline entries that state facts the record keeps (an assignment, a deadline alert, where a case was
 * transferred, a referral's delivery) keep their text; every other text on an erased case is emptied.
 */
@ApplicationScoped
public class SqlPurgeStore implements PurgeStore {

    private static final String ENDED = "('CLOSED', 'REJECTED', 'TRANSFERRED', 'MERGED')";
    private static final String KEPT_TEXTS = "('ASSIGNED', 'DEADLINE_ALERT', 'TRANSFERRED', 'REFERRAL_DELIVERED')";

    private final TenantEntities entities;

    @Inject
    public SqlPurgeStore(TenantEntities entities) {
        this.entities = entities;
    }

    /** The cases of {@code c} due for the purge, given the cutoff and the present as positional parameters. */
    static String due(String cutoff, String now) {
        return "c.purged_at is null and c.legal_hold_since is null and c.status in " + ENDED
                + " and coalesce(c.closed_at, c.updated_at) <= " + cutoff
                + " and (c.referred_tenant_id is null or c.referral_delivered_at is not null)"
                + " and (c.lead_case_id is null or exists (select 1 from cases l where l.tenant_id = c.tenant_id"
                + " and l.id = c.lead_case_id and (l.purged_at is not null or (l.legal_hold_since is null"
                + " and l.status in " + ENDED + " and coalesce(l.closed_at, l.updated_at) <= " + cutoff + "))))"
                + " and not exists (select 1 from rewards r where r.tenant_id = c.tenant_id"
                + " and (r.case_id = c.id or r.lead_case_id = c.id) and (r.status in ('PROPOSED', 'CLAIMED')"
                + " or (r.status = 'APPROVED' and (r.claim_until is null or r.claim_until > " + now + "))))";
    }

    @Override
    public List<PurgeCandidate> claimDue(Instant cutoff, Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.forTenant().createNativeQuery("select c.id, c.reference from cases c"
                        + " where c.tenant_id = qinglang_current_tenant() and " + due("?1", "?2")
                        + " order by coalesce(c.closed_at, c.updated_at) limit ?3 for update of c skip locked")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, Timestamp.from(now))
                .setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new PurgeCandidate(uuid(row[0]), (String) row[1])).toList();
    }

    @Override
    public PurgeCounts purge(List<PurgeCandidate> cases, Instant now) {
        if (cases.isEmpty()) {
            return PurgeCounts.NONE;
        }
        EntityManager em = entities.forTenant();
        // the ids are UUIDs the database gave, so they can be listed in the statement itself
        String ids = cases.stream().map(c -> "'" + c.caseId() + "'::uuid").collect(Collectors.joining(", ", "(", ")"));
        String mine = " where tenant_id = qinglang_current_tenant() and case_id in " + ids;
        Object[] evidence = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(size_bytes), 0) from evidence"
                + mine).getSingleResult();
        em.createNativeQuery("delete from evidence_content where tenant_id = qinglang_current_tenant()"
                + " and evidence_id in (select id from evidence" + mine + ")").executeUpdate();
        em.createNativeQuery("delete from evidence" + mine).executeUpdate();
        Object[] personal = (Object[]) em.createNativeQuery("select count(sealed_identity), count(sealed_contact),"
                + " count(*) filter (where description <> '') + count(*) filter (where subject_value <> '')"
                + " + count(disposition_reason) + count(feedback_impossible_reason)"
                + " from cases where tenant_id = qinglang_current_tenant() and id in " + ids).getSingleResult();
        int texts = em.createNativeQuery("update case_events set message = null" + mine
                + " and message is not null and type not in " + KEPT_TEXTS).executeUpdate();
        texts += em.createNativeQuery("update decisions set reasons = ''" + mine + " and reasons <> ''").executeUpdate();
        texts += em.createNativeQuery("update extension_requests set reason = '', answer_reason = null" + mine
                + " and (reason <> '' or answer_reason is not null)").executeUpdate();
        texts += em.createNativeQuery("update rewards set decision_reason = null" + mine
                + " and decision_reason is not null").executeUpdate();
        int payments = em.createNativeQuery("update rewards set sealed_payment = null" + mine
                + " and sealed_payment is not null").executeUpdate();
        em.createNativeQuery("update notifications set sealed_contact = null" + mine
                + " and sealed_contact is not null").executeUpdate();
        int purged = em.createNativeQuery("update cases set sealed_identity = null, sealed_contact = null,"
                        + " description = '', subject_value = '', disposition_reason = null,"
                        + " feedback_impossible_reason = null, identity_share_consent = false, purged_at = ?1,"
                        + " version = version + 1 where tenant_id = qinglang_current_tenant() and id in " + ids)
                .setParameter(1, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("insert into case_events (tenant_id, id, case_id, type, occurred_at, actor_kind,"
                        + " reporter_visible) select tenant_id, gen_random_uuid(), id, 'PERSONAL_DATA_PURGED', ?1,"
                        + " 'SYSTEM', true from cases where tenant_id = qinglang_current_tenant() and id in " + ids)
                .setParameter(1, Timestamp.from(now)).executeUpdate();
        return new PurgeCounts(purged, number(personal[0]), number(personal[1]), number(evidence[0]),
                ((Number) evidence[1]).longValue(), texts + number(personal[2]), payments);
    }

    @Override
    public RetentionOutlook outlook(Instant cutoffNow, Instant cutoffIn30Days, Instant now) {
        Object[] row = (Object[]) entities.forTenant().createNativeQuery("select"
                        + " count(*) filter (where " + due("?1", "?3") + "),"
                        + " count(*) filter (where " + due("?2", "?3") + "),"
                        + " count(*) filter (where c.legal_hold_since is not null),"
                        + " count(*) filter (where c.purged_at is not null), max(c.purged_at)"
                        + " from cases c where c.tenant_id = qinglang_current_tenant()")
                .setParameter(1, Timestamp.from(cutoffNow)).setParameter(2, Timestamp.from(cutoffIn30Days))
                .setParameter(3, Timestamp.from(now)).getSingleResult();
        int dueNow = number(row[0]);
        return new RetentionOutlook(dueNow, number(row[1]) - dueNow, number(row[2]), number(row[3]),
                row[4] == null ? null : ((Timestamp) row[4]).toInstant());
    }

    @Override
    public int forgetIdempotentAnswers(Instant before) {
        return entities.forTenant().createNativeQuery("delete from idempotency_records"
                        + " where tenant_id = qinglang_current_tenant() and created_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
