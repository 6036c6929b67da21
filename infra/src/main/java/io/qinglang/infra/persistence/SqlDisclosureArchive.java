package io.qinglang.infra.persistence;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.disclosure.domain.DisclosureArchive;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.DisclosureReport.Document;
import io.qinglang.platform.disclosure.domain.DisclosureReport.Origin;
import io.qinglang.platform.disclosure.domain.DisclosureReport.State;
import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import io.qinglang.platform.statistics.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Disclosure reports in {@code disclosure_reports} and their files in {@code disclosure_documents} (V019). Versions
 * are numbered under a transaction lock per tenant and period; the scheduled report of a period is one row by a
 * unique index, so nodes asking at once insert it once; a report is claimed {@code FOR UPDATE SKIP LOCKED} and
 * leased in the database's time, so nodes' clocks need not agree.
 */
@ApplicationScoped
public class SqlDisclosureArchive implements DisclosureArchive {

    private static final String COLUMNS = "id, period, version, origin, requested_by, requested_at, state, progress, "
            + "step, attempts, generated_at, failure, published_at, audit_head_seq, audit_head_hash, audit_head_occurred_at, "
            + "audit_head_as_of";

    private final TenantEntities entities;

    @Inject
    public SqlDisclosureArchive(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public Optional<DisclosureReport> request(String period, String requestedBy, Instant now) {
        lockPeriod(period);
        boolean inProgress = !entities.forTenant().createNativeQuery("select id from disclosure_reports where period = ?1 "
                + "and state in ('QUEUED', 'GENERATING')").setParameter(1, period).getResultList().isEmpty();
        return inProgress ? Optional.empty() : insert(period, Origin.ON_DEMAND, requestedBy, now, "");
    }

    @Override
    public Optional<DisclosureReport> requestScheduled(String period, Instant now, int maxFailures) {
        lockPeriod(period);
        return insert(period, Origin.SCHEDULED, "schedule", now, " having count(*) filter (where origin = 'SCHEDULED' "
                + "and state = 'FAILED') < " + maxFailures);
    }

    /** Versions of one period are numbered one at a time (a transaction lock per tenant and period). */
    private void lockPeriod(String period) {
        entities.forTenant().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('disclosure:' || "
                + "qinglang_current_tenant()::text || ':' || ?1, 0))").setParameter(1, period).getSingleResult();
    }

    private Optional<DisclosureReport> insert(String period, Origin origin, String requestedBy, Instant now, String having) {
        UUID id = UUID.randomUUID();
        int inserted = entities.forTenant().createNativeQuery("insert into disclosure_reports (id, tenant_id, period, "
                        + "version, origin, requested_by, requested_at, state) select ?1, qinglang_current_tenant(), ?2, "
                        + "coalesce(max(version), 0) + 1, ?3, ?4, ?5, 'QUEUED' from disclosure_reports where period = ?2"
                        + having + " on conflict do nothing")
                .setParameter(1, id).setParameter(2, period).setParameter(3, origin.name()).setParameter(4, requestedBy)
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        return inserted == 1 ? find(id) : Optional.empty();
    }

    @Override
    public Optional<DisclosureReport> claim(String node, Duration lease, int maxAttempts) {
        EntityManager em = entities.forTenant();
        // a report whose node stopped after its last attempt is not tried again
        em.createNativeQuery("update disclosure_reports set state = 'FAILED', step = 'failed', lease_until = null, "
                + "failure = 'generation did not finish in " + maxAttempts + " attempts' where state = 'GENERATING' "
                + "and lease_until < now() and attempts >= ?1").setParameter(1, maxAttempts).executeUpdate();
        List<?> ids = em.createNativeQuery("select id from disclosure_reports where (state = 'QUEUED' "
                        + "and (not_before is null or not_before <= now())) or (state = 'GENERATING' and lease_until < now()) "
                        + "order by requested_at, id limit 1 for update skip locked").getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = uuid(ids.getFirst());
        em.createNativeQuery("update disclosure_reports set state = 'GENERATING', claimed_by = ?2, "
                        + "lease_until = now() + make_interval(secs => ?3), attempts = attempts + 1, progress = 0, "
                        + "step = 'claimed', not_before = null where id = ?1")
                .setParameter(1, id).setParameter(2, node).setParameter(3, (double) lease.toSeconds()).executeUpdate();
        return find(id);
    }

    @Override
    public boolean progress(UUID id, String node, int percent, String step, Duration lease) {
        return entities.forTenant().createNativeQuery("update disclosure_reports set progress = ?3, step = ?4, "
                        + "lease_until = now() + make_interval(secs => ?5) where id = ?1 and claimed_by = ?2 "
                        + "and state = 'GENERATING'")
                .setParameter(1, id).setParameter(2, node).setParameter(3, percent).setParameter(4, step)
                .setParameter(5, (double) lease.toSeconds()).executeUpdate() == 1;
    }

    @Override
    public boolean complete(UUID id, String node, List<StoredDocument> documents, ChainHead auditHead, Instant now,
                            boolean publish) {
        EntityManager em = entities.forTenant();
        List<?> mine = em.createNativeQuery("select id from disclosure_reports where id = ?1 and claimed_by = ?2 "
                + "and state = 'GENERATING' for update").setParameter(1, id).setParameter(2, node).getResultList();
        if (mine.isEmpty()) {
            return false;
        }
        for (StoredDocument d : documents) {
            em.createNativeQuery("insert into disclosure_documents (report_id, tenant_id, edition, media_type, file_name, "
                            + "content, sha256, size_bytes, created_at) values (?1, qinglang_current_tenant(), ?2, ?3, ?4, "
                            + "?5, ?6, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, d.edition().code()).setParameter(3, d.edition().mediaType())
                    .setParameter(4, d.fileName()).setParameter(5, d.content()).setParameter(6, d.sha256())
                    .setParameter(7, d.content().length).setParameter(8, Timestamp.from(now)).executeUpdate();
        }
        em.createNativeQuery("update disclosure_reports set state = 'READY', progress = 100, step = 'ready', "
                        + "generated_at = ?2, lease_until = null, failure = null, published_at = "
                        + (publish ? "?2" : "null") + ", audit_head_seq = ?3, audit_head_hash = ?4, "
                        + "audit_head_occurred_at = ?5, audit_head_as_of = ?6 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, auditHead.seq())
                .setParameter(4, auditHead.hash()).setParameter(5, timestamp(auditHead.occurredAt()))
                .setParameter(6, Timestamp.from(auditHead.asOf())).executeUpdate();
        return true;
    }

    @Override
    public void fail(UUID id, String node, String failure, Duration retryAfter) {
        String then = retryAfter == null ? "state = 'FAILED'"
                : "state = 'QUEUED', not_before = now() + make_interval(secs => " + retryAfter.toSeconds() + ")";
        entities.forTenant().createNativeQuery("update disclosure_reports set " + then + ", failure = ?3, "
                        + "lease_until = null, step = 'failed' where id = ?1 and claimed_by = ?2 and state = 'GENERATING'")
                .setParameter(1, id).setParameter(2, node).setParameter(3, failure).executeUpdate();
    }

    @Override
    public boolean publish(UUID id, Instant now) {
        return entities.forTenant().createNativeQuery("update disclosure_reports set published_at = ?2 where id = ?1 "
                + "and state = 'READY' and published_at is null").setParameter(1, id).setParameter(2, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    @Override
    public Optional<DisclosureReport> find(UUID id) {
        return reports("where id = ?1", id).stream().findFirst();
    }

    @Override
    public List<DisclosureReport> list(boolean publishedOnly) {
        return reports(publishedOnly ? "where published_at is not null" : "", null).stream()
                .sorted(Comparator.comparing((DisclosureReport r) -> Period.parse(r.period(), "/period")).reversed()
                        .thenComparing(Comparator.comparingInt(DisclosureReport::version).reversed()))
                .toList();
    }

    @Override
    public Optional<StoredDocument> document(UUID id, ReportEdition edition) {
        List<?> rows = entities.forTenant().createNativeQuery("select file_name, content, sha256 from disclosure_documents "
                + "where report_id = ?1 and edition = ?2").setParameter(1, id).setParameter(2, edition.code()).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new StoredDocument(edition, (String) r[0], (byte[]) r[1], (String) r[2])).findFirst();
    }

    private List<DisclosureReport> reports(String where, UUID id) {
        EntityManager em = entities.forTenant();
        var query = em.createNativeQuery("select " + COLUMNS + " from disclosure_reports " + where
                + " order by requested_at desc, id");
        if (id != null) {
            query.setParameter(1, id);
        }
        List<?> result = query.getResultList();
        List<Object[]> rows = result.stream().map(r -> (Object[]) r).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        var docQuery = em.createNativeQuery("select report_id, edition, file_name, sha256, size_bytes "
                + "from disclosure_documents " + (id != null ? "where report_id = ?1 " : "") + "order by report_id, edition");
        if (id != null) {
            docQuery.setParameter(1, id);
        }
        List<?> documentRows = docQuery.getResultList();
        Map<UUID, List<Document>> documents = documentRows.stream().map(r -> (Object[]) r)
                .collect(Collectors.groupingBy(r -> uuid(r[0]), Collectors.mapping(r -> new Document(
                        (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).intValue()), Collectors.toList())));
        return rows.stream().map(r -> report(r, documents.getOrDefault(uuid(r[0]), List.of()).stream()
                .sorted(Comparator.comparing(d -> ReportEdition.of(d.edition()).orElseThrow())).toList())).toList();
    }

    private static DisclosureReport report(Object[] r, List<Document> documents) {
        return new DisclosureReport(uuid(r[0]), (String) r[1], ((Number) r[2]).intValue(), Origin.valueOf((String) r[3]),
                (String) r[4], instant(r[5]), State.valueOf((String) r[6]), ((Number) r[7]).intValue(), (String) r[8],
                ((Number) r[9]).intValue(), instant(r[10]), (String) r[11], instant(r[12]), documents,
                r[13] == null ? null : new ChainHead(((Number) r[13]).longValue(), (String) r[14], instant(r[15]),
                        instant(r[16])));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
